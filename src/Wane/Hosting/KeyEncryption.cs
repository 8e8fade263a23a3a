using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wane.Hosting;

/// <summary>
/// The key-encryption key for the data-protection keys in the database: a certificate kept apart from
/// <c>wane.db</c>, so a copy of the database alone cannot mint a sign-in cookie (ADR 0014). Hosted
/// instances name their own certificate (<c>DataProtection:Certificate:Path</c> and <c>:Password</c>);
/// otherwise Wane makes one on first start, <c>dataprotection.pfx</c> in the data folder, mode 0600.
/// </summary>
internal static class KeyEncryption
{
    public const string FileName = "dataprotection.pfx";

    /// <summary>The certificate in use, where it came from, and whether it is the data folder's own (no setting named one).</summary>
    public sealed record Loaded(X509Certificate2 Certificate, string Source, bool Default);

    public static Loaded Load(IConfiguration config)
    {
        var configured = config["DataProtection:Certificate:Path"];
        return string.IsNullOrWhiteSpace(configured)
            ? new Loaded(Certificate(config), $"{FileName} in the data folder", Default: true)
            : new Loaded(Certificate(config), $"DataProtection:Certificate:Path {configured}", Default: false);
    }

    public static X509Certificate2 Certificate(IConfiguration config)
    {
        var configured = config["DataProtection:Certificate:Path"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Load(configured, config["DataProtection:Certificate:Password"]);
        }
        var dir = DataLocation.DataDirectory(config);
        OwnerOnly.EnsureDirectory(dir);
        var path = Path.Combine(dir, FileName);
        if (!File.Exists(path))
        {
            try
            {
                OwnerOnly.WriteNew(path, NewCertificate());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process (the CLI, a second node on the same folder) made it first: use theirs.
            }
        }
        OwnerOnly.EnsureFile(path);
        return Load(path, null);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The data-protection certificate {path} has no private key, so it cannot decrypt the keys.");
    }

    /// <summary>A new self-signed RSA 3072 certificate with its private key, as PKCS #12 without a password.</summary>
    internal static byte[] NewCertificate()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Wane data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        // Data protection never checks the dates; a long life only avoids confusing an admin who looks.
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        return certificate.Export(X509ContentType.Pkcs12);
    }
}
