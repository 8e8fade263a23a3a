using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Shouldly;
using Wane.Tests.Support;
using static Wane.Tests.Security.Replay;

namespace Wane.Tests.Data;

/// <summary><c>wane backup</c> while the server writes, and <c>wane restore</c> into a fresh data folder.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // backups of the SQLite file under load.
public sealed class BackupTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "wane-tests", "backup-" + Guid.NewGuid().ToString("N"));

    private string Fresh(string name) => Path.Combine(_work, name);

    [Fact]
    public async Task Backup_DuringWriteLoad_RestoresEveryDoseAcknowledgedBeforeItBegan()
    {
        Directory.CreateDirectory(_work);
        await using var app = new WaneApp();
        await app.InitializeAsync();
        using var client = await app.NewUserClientAsync("UTC", "maya");
        var product = await client.CreateProductAsync(Intents.RedBali);
        var acked = new ConcurrentQueue<long>();
        var warmedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopAt = new StrongBox<int>(int.MaxValue);
        var writer = Task.Run(async () =>
        {
            // Bounded: at most 1,000 doses (under the API's 1,200 a minute per token).
            for (var i = 0; i < 1000 && acked.Count < Volatile.Read(ref stopAt.Value); i++)
            {
                var response = await client.PostAsJsonAsync("/api/v1/doses", new { productId = product, amount = 0.5, unit = "g", clientId = Guid.NewGuid().ToString() });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acked.Enqueue((await response.JsonAsync()).GetProperty("dose").GetProperty("id").GetInt64());
                }
                if (acked.Count >= 40)
                {
                    warmedUp.TrySetResult();
                }
            }
            warmedUp.TrySetResult();
        });
        await warmedUp.Task;

        var before = acked.ToArray();
        var archive = Path.Combine(_work, "under-load.tar");
        var backup = await CliRun.RunAsync(["backup", archive], app.DataDir, app.Clock);
        var duringBackup = acked.Count - before.Length;
        Volatile.Write(ref stopAt.Value, acked.Count + 20);
        await writer;

        backup.Exit.ShouldBe(0, backup.Err);
        acked.Count.ShouldBeGreaterThan(before.Length, "the writer went on writing after the backup began");
        var restored = Fresh("restored");
        var restore = await CliRun.RunAsync(["restore", archive], restored, app.Clock);
        restore.Exit.ShouldBe(0, restore.Err);
        var (integrity, ids) = await ReadAsync(Path.Combine(restored, "wane.db"));
        integrity.ShouldBe("ok");
        before.Except(ids).ShouldBeEmpty("every dose acknowledged before the backup began is in it");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{before.Length} doses acknowledged before the backup, {duringBackup} during it, {acked.Count} in all; {ids.Count} restored."));
    }

    [Fact]
    public async Task Restore_WithTheKeyFile_KeepsCookiesTokensAndPasswords_WithoutIt_CookiesEnd()
    {
        Directory.CreateDirectory(_work);
        var archive = Path.Combine(_work, "keys.tar");
        string cookie;
        AuthenticationHeaderValue token;
        await using (var original = new WaneApp())
        {
            await original.InitializeAsync();
            using var api = await original.NewUserClientAsync("UTC", "keys");
            token = api.DefaultRequestHeaders.Authorization!;
            using var browser = new Browserless(original.BaseAddress);
            (await browser.SubmitAsync("/signin", SignIn("keys", "correct horse battery"))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
            cookie = browser.CookieHeader;
            var backup = await CliRun.RunAsync(["backup", archive], original.DataDir, original.Clock);
            backup.Exit.ShouldBe(0, backup.Err);
            backup.Out.ShouldContain("keys included");
        }

        var withKeys = Fresh("with-keys");
        (await CliRun.RunAsync(["restore", archive], withKeys, new NodaTime.Testing.FakeClock(WaneApp.Now))).Exit.ShouldBe(0);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(withKeys, "dataprotection.pfx")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(archive).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        await using (var restored = new WaneApp { DataDir = withKeys })
        {
            await restored.InitializeAsync();
            (await GetAsync(restored.BaseAddress, cookie)).Status.ShouldBe(HttpStatusCode.OK, "a cookie issued before the backup still works");
            using var api = new HttpClient { BaseAddress = restored.BaseAddress };
            api.DefaultRequestHeaders.Authorization = token;
            (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
            using var browser = new Browserless(restored.BaseAddress);
            (await browser.SubmitAsync("/signin", SignIn("keys", "correct horse battery"))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        }

        var withoutKeys = Fresh("without-keys");
        (await CliRun.RunAsync(["restore", archive], withoutKeys, new NodaTime.Testing.FakeClock(WaneApp.Now))).Exit.ShouldBe(0);
        File.Delete(Path.Combine(withoutKeys, "dataprotection.pfx"));
        await using var keyless = new WaneApp { DataDir = withoutKeys };
        await keyless.InitializeAsync();
        var replayed = await GetAsync(keyless.BaseAddress, cookie);
        replayed.Status.ShouldBe(HttpStatusCode.Redirect, "without the key file the old cookie cannot be read");
        replayed.Location.ShouldBe("/signin");
    }

    private static async Task<(string Integrity, HashSet<long> DoseIds)> ReadAsync(string database)
    {
        await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check;";
        var integrity = (string)(await cmd.ExecuteScalarAsync())!;
        cmd.CommandText = "SELECT Id FROM doses;";
        var ids = new HashSet<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
        return (integrity, ids);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}
