using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Wane.Hosting;
using Wane.Tests.Support;

namespace Wane.Tests.Nodes;

/// <summary>
/// Two <c>wane serve</c> nodes as a load balancer sees them: two apps, each built and started as <see cref="WaneApp"/>
/// builds one (its own Kestrel on 127.0.0.1, its own data folder and memory), on one PostgreSQL database, with the
/// one key-encryption certificate both are configured with (<c>DataProtection:Certificate:Path</c>). They start
/// together on the empty database, so they also race to migrate it. On the SQLite run there are no nodes.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wane-tests", "nodes-" + Guid.NewGuid().ToString("N"));

    public const string SkipReason = "Several nodes share one PostgreSQL database; this is the SQLite run (WANE_TEST_PROVIDER=postgres runs them).";

    public WaneApp A { get; private set; } = null!;
    public WaneApp B { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";
    public string CertificatePath { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (!TestDatabase.IsPostgres)
        {
            return;
        }
        ConnectionString = TestDatabase.CreatePostgres();
        Directory.CreateDirectory(_folder);
        CertificatePath = Path.Combine(_folder, "key-encryption.pfx");
        await File.WriteAllBytesAsync(CertificatePath, KeyEncryption.NewCertificate());
        A = Node(["--DataProtection:Certificate:Path", CertificatePath]);
        B = Node(["--DataProtection:Certificate:Path", CertificatePath]);
        await Task.WhenAll(A.InitializeAsync().AsTask(), B.InitializeAsync().AsTask());
    }

    /// <summary>Another node on the same database, with exactly the settings given (no certificate unless named).</summary>
    public WaneApp Node(string[] settings) => new() { ConnectionString = ConnectionString, Settings = settings };

    /// <summary>Protects on one node and reads back on the other: true when both use the same keys.</summary>
    public static string RoundTrip(WaneApp from, WaneApp to, string text) =>
        to.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Wane.Tests.Nodes")
            .Unprotect(from.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Wane.Tests.Nodes").Protect(text));

    public async ValueTask DisposeAsync()
    {
        if (!TestDatabase.IsPostgres)
        {
            return;
        }
        await A.DisposeAsync();
        await B.DisposeAsync();
        await TestDatabase.DropPostgresAsync(ConnectionString);
        Directory.Delete(_folder, recursive: true);
    }
}
