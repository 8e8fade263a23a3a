using System.Net.Http.Json;
using Shouldly;
using Wane.Hosting;
using Wane.Tests.Support;

namespace Wane.Tests.Data;

/// <summary><c>wane.lock</c>: servers share it, a restore holds it alone.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // the lock beside the SQLite file.
public sealed class DataLockTests
{
    [Fact]
    public async Task Serve_WhileARestoreHoldsTheLock_RefusesToStart()
    {
        var dir = Path.Combine(Path.GetTempPath(), "wane-tests", Guid.NewGuid().ToString("N"));
        using (var restoring = DataLock.TryExclusive(Path.Combine(dir, "wane.db")))
        {
            restoring.ShouldNotBeNull();
            await using var app = new WaneApp { DataDir = dir };

            var refused = await Should.ThrowAsync<DataInUseException>(async () => await app.InitializeAsync());

            refused.Message.ShouldContain("restore");
        }
        await using var afterwards = new WaneApp { DataDir = dir };
        await afterwards.InitializeAsync();
        using var client = afterwards.Client();
        (await client.GetFromJsonAsync<Dictionary<string, string>>("/healthz"))!["status"].ShouldBe("ok");
    }

    [Fact]
    public async Task Serve_TwoServersOnOneFolder_BothStart_AndARestoreIsRefused()
    {
        await using var first = new WaneApp();
        await first.InitializeAsync();
        await using var second = new WaneApp { DataDir = first.DataDir };
        await second.InitializeAsync();

        DataLock.TryExclusive(Path.Combine(first.DataDir, "wane.db")).ShouldBeNull();
    }
}
