using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Wane.Data;

namespace Wane.Hosting;

/// <summary>
/// Checks on start that this node can read every data-protection key in a shared (PostgreSQL) database (ADR 0022). A node
/// whose key-encryption certificate differs from the others' would otherwise start, ignore their keys, make
/// a key of its own and reject every cookie the other nodes issued — people would be signed out at random
/// behind a load balancer, and nothing would say why. Instead the node refuses to start and names both
/// certificates. On SQLite (one file, one server, the key file beside it) unreadable keys are only logged, as before.
/// </summary>
internal static partial class KeyRingCheck
{
    public static async Task EnsureReadableAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var ours = services.GetRequiredService<KeyEncryption.Loaded>();
        var shared = !services.GetRequiredService<DataLocation>().IsSqlite;
        Log.KeyEncryptionCertificate(logger, ours.Certificate.Thumbprint, ours.Source);
        if (ours.Default && shared)
        {
            Log.DefaultCertificateOnSharedDatabase(logger);
        }
        var unreadable = services.GetRequiredService<IKeyManager>().GetAllKeys()
            .Where(k => !k.IsRevoked && !Readable(k))
            .Select(k => k.KeyId.ToString())
            .ToList();
        if (unreadable.Count == 0)
        {
            return;
        }
        if (!shared)
        {
            // One SQLite file, one server: the key file beside it was lost or replaced (or the database was copied
            // without it). As before, the old keys are ignored and everyone signs in again (ADR 0014).
            Log.UnreadableKeysOnSqlite(logger, unreadable.Count);
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var xml = await scope.ServiceProvider.GetRequiredService<WaneDb>().DataProtectionKeys.AsNoTracking()
            .Select(k => k.Xml).ToListAsync(ct).ConfigureAwait(false);
        var theirs = xml.SelectMany(CertificateThumbprints).Where(t => !string.Equals(t, ours.Certificate.Thumbprint, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        throw new KeyEncryptionMismatchException(
            $"This node cannot read {unreadable.Count} of the data-protection keys in the database ({string.Join(", ", unreadable)}): "
            + $"they were encrypted with {(theirs.Count == 0 ? "another certificate" : "the certificate " + string.Join(" or ", theirs))}, "
            + $"and this node's is {ours.Certificate.Thumbprint} ({ours.Source}). Every node on one database needs the same "
            + "key-encryption certificate: copy it to each node and set DataProtection:Certificate:Path (and :Password) there. "
            + "If those keys were made by a node that had the wrong certificate, and no node can read them, delete them "
            + "(DELETE FROM \"DataProtectionKeys\" WHERE \"FriendlyName\" IN ('key-…')); everyone signs in again once.");
    }

    private static bool Readable(IKey key)
    {
        try
        {
            return key.Descriptor is not null;
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The certificates a key's XML was encrypted to (the framework includes each in the key's <c>KeyInfo</c>).</summary>
    private static IEnumerable<string> CertificateThumbprints(string? xml)
    {
        if (string.IsNullOrEmpty(xml))
        {
            return [];
        }
        try
        {
            return XElement.Parse(xml).Descendants().Where(e => e.Name.LocalName == "X509Certificate")
                .Select(e => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(e.Value.Trim())))
                .Select(c =>
                {
                    using (c)
                    {
                        return c.Thumbprint;
                    }
                })
                .ToList();
        }
        catch (Exception e) when (e is System.Xml.XmlException or FormatException or CryptographicException)
        {
            return [];
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Data-protection keys are encrypted with the certificate {Thumbprint} ({Source})")]
        public static partial void KeyEncryptionCertificate(ILogger logger, string thumbprint, string source);

        [LoggerMessage(LogLevel.Warning, "The key-encryption certificate is this node's own (dataprotection.pfx in its data folder). If other nodes share this database, give every node the same certificate with DataProtection:Certificate:Path (docs/nodes.md)")]
        public static partial void DefaultCertificateOnSharedDatabase(ILogger logger);

        [LoggerMessage(LogLevel.Warning, "{Count} data-protection keys in the database cannot be read with this certificate (was dataprotection.pfx lost or replaced?); everyone signs in again")]
        public static partial void UnreadableKeysOnSqlite(ILogger logger, int count);
    }
}

/// <summary>This node's key-encryption certificate cannot read the keys other nodes wrote; <c>wane serve</c> prints it and exits 2.</summary>
internal sealed class KeyEncryptionMismatchException(string message) : Exception(message);
