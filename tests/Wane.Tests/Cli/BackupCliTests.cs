using System.Formats.Tar;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Cli;
using Wane.Data;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane backup</c> and <c>wane restore</c>: what they write, and everything they refuse.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // wane backup and restore work on the SQLite file; on PostgreSQL they point to pg_dump (docs/backup.md).
public sealed class BackupCliTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    private readonly string _work = Path.Combine(Path.GetTempPath(), "wane-cli-tests", "backup-" + Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private string Source => Path.Combine(_work, "source");
    private string Target => Path.Combine(_work, "target");
    private string Archive => Path.Combine(_work, "wane.tar");

    private Task<(int Exit, string Out, string Err)> WaneAsync(string dataDir, params string[] args) => CliRun.RunAsync(args, dataDir, _clock, "correct horse battery\n");

    private async Task BackUpAsync()
    {
        Directory.CreateDirectory(_work);
        (await WaneAsync(Source, "user", "add", "maya", "--time-zone", "UTC", "--password-stdin")).Exit.ShouldBe(0);
        (await WaneAsync(Source, "products", "add", "Red Bali", "--kind", "kratom", "--form", "powder")).Exit.ShouldBe(0);
        (await WaneAsync(Source, "log", "2.5", "g", "--product", "Red Bali", "--at", "2026-11-25 08:30", "--yes")).Exit.ShouldBe(0);
        var backup = await WaneAsync(Source, "backup", Archive, "--json");
        backup.Exit.ShouldBe(0, backup.Err);
    }

    [Fact]
    public async Task Backup_ThenRestoreIntoAnEmptyFolder_GivesTheSameDoses_AndOwnerOnlyFiles()
    {
        await BackUpAsync();

        var restore = await WaneAsync(Target, "restore", Archive);

        restore.Exit.ShouldBe(0, restore.Err);
        restore.Out.ShouldContain("Restored 1 dose");
        (await WaneAsync(Target, "doses", "--from", "2026-11-25", "--to", "2026-11-25", "--json")).Out.ShouldContain("2026-11-25T08:30:00Z");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Archive).ShouldBe(OwnerFile);
            File.GetUnixFileMode(Target).ShouldBe(OwnerFolder);
            File.GetUnixFileMode(Path.Combine(Target, "wane.db")).ShouldBe(OwnerFile);
        }
    }

    [Fact]
    public async Task Backup_Json_SummarisesTheManifest()
    {
        await BackUpAsync();

        var run = await WaneAsync(Source, "backup", Archive, "--force", "--json");

        run.Exit.ShouldBe(0, run.Err);
        var summary = JsonDocument.Parse(run.Out).RootElement;
        summary.GetProperty("doses").GetInt64().ShouldBe(1);
        summary.GetProperty("migration").GetString().ShouldBe(SqliteSchema.KnownMigrationIds()[^1]);
        summary.GetProperty("createdAt").GetString().ShouldBe("2026-11-25T15:00:00Z");
        summary.GetProperty("bytes").GetInt64().ShouldBe(new FileInfo(Archive).Length);
        var manifest = JsonNode.Parse(Entries(Archive).Single(e => e.Name == "manifest.json").Data)!;
        manifest["format"]!.GetValue<string>().ShouldBe("wane-backup");
        manifest["entries"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ShouldContain("wane.db");
    }

    [Fact]
    public async Task Backup_ExistingFile_IsRefusedWithoutForce()
    {
        await BackUpAsync();
        var before = await File.ReadAllBytesAsync(Archive);
        _clock.Advance(Duration.FromMinutes(1));

        var refused = await WaneAsync(Source, "backup", Archive);

        refused.Exit.ShouldBe(1);
        refused.Err.ShouldContain("--force");
        (await File.ReadAllBytesAsync(Archive)).ShouldBe(before);
        (await WaneAsync(Source, "backup", Archive, "--force")).Exit.ShouldBe(0);
        (await File.ReadAllBytesAsync(Archive)).ShouldNotBe(before);
        Directory.GetFileSystemEntries(_work).Select(Path.GetFileName).Order().ShouldBe(["source", "wane.tar"]);
    }

    [Fact]
    public async Task Restore_OverAnExistingDatabase_NeedsForce_AndKeepsTheOldOneAside()
    {
        await BackUpAsync();
        (await WaneAsync(Target, "user", "add", "other", "--password-stdin")).Exit.ShouldBe(0);
        SqliteConnection.ClearAllPools(); // as when that verb's process ended
        var live = await File.ReadAllBytesAsync(Path.Combine(Target, "wane.db"));

        var refused = await WaneAsync(Target, "restore", Archive);
        var forced = await WaneAsync(Target, "restore", Archive, "--force");

        refused.Exit.ShouldBe(1);
        refused.Err.ShouldContain("already exists");
        forced.Exit.ShouldBe(0, forced.Err);
        var kept = Path.Combine(Target, "wane.db.before-restore-20261125T150000Z");
        (await File.ReadAllBytesAsync(kept)).ShouldBe(live);
        forced.Out.ShouldContain(kept);
        (await WaneAsync(Target, "doses", "--user", "maya", "--from", "2026-11-25", "--to", "2026-11-25", "--json")).Exit.ShouldBe(0);
    }

    [Fact]
    public async Task Restore_WhileAServerUsesTheFolder_Exits2AndChangesNothing()
    {
        await BackUpAsync();
        await using var server = new WaneApp { DataDir = Target };
        await server.InitializeAsync();
        await server.NewUserIdAsync();

        var run = await WaneAsync(Target, "restore", Archive, "--force");

        run.Exit.ShouldBe(2);
        run.Err.ShouldContain("server is using");
        Directory.GetFiles(Target).Select(Path.GetFileName).ShouldAllBe(f => !f!.Contains("restor"));
        (await CountAsync(Path.Combine(Target, "wane.db"), "doses")).ShouldBe(0, "the server's own database, not the backup's one dose");
        (await CountAsync(Path.Combine(Target, "wane.db"), "AspNetUsers")).ShouldBe(1);
    }

    private static async Task<long> CountAsync(string database, string table)
    {
        await using var conn = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("text", "not a readable Wane backup")]
    [InlineData("truncated", "truncated")]
    [InlineData("checksum", "checksum mismatch")]
    [InlineData("version", "version 2")]
    [InlineData("format", "does not describe a Wane backup")]
    public async Task Restore_BadArchive_Exits1AndTouchesNothing(string damage, string message)
    {
        await BackUpAsync();
        var bad = Path.Combine(_work, damage + ".tar");
        var entries = Entries(Archive);
        switch (damage)
        {
            case "text": await File.WriteAllTextAsync(bad, "not a backup at all\n"); break;
            case "truncated": await File.WriteAllBytesAsync(bad, (await File.ReadAllBytesAsync(Archive))[..(int)(new FileInfo(Archive).Length / 2)]); break;
            case "checksum": Write(bad, entries, "wane.db", d => d[d.Length / 2] ^= 0xff); break;
            case "version": Write(bad, entries, "manifest.json", d => Replace(d, "\"version\": 1", "\"version\": 2")); break;
            case "format": Write(bad, entries, "manifest.json", d => Replace(d, "wane-backup", "wane-export")); break;
            default: break;
        }

        var run = await WaneAsync(Target, "restore", bad);

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain(message);
        Directory.Exists(Target).ShouldBeFalse("nothing is created for a bad archive");
    }

    [Fact]
    public async Task Restore_OlderBackup_MigratesTheSchemaForward()
    {
        Directory.CreateDirectory(Source);
        var known = SqliteSchema.KnownMigrationIds();
        var options = new DbContextOptionsBuilder<SqliteWaneDb>().UseSqlite($"Data Source={Path.Combine(Source, "wane.db")};Pooling=False").Options;
        await using (var db = new SqliteWaneDb(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(known[^2]);
        }
        (await WaneAsync(Source, "backup", Archive)).Exit.ShouldBe(0);

        var run = await WaneAsync(Target, "restore", Archive);

        run.Exit.ShouldBe(0, run.Err);
        await using var conn = new SqliteConnection($"Data Source={Path.Combine(Target, "wane.db")};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """SELECT MAX("MigrationId") FROM "__EFMigrationsHistory";""";
        ((string)(await cmd.ExecuteScalarAsync())!).ShouldBe(known[^1]);
    }

    [Fact]
    public async Task Backup_OnPostgreSql_Exits1PointingToPgDump()
    {
        var error = new StringWriter();
        var exit = await WaneCli.RunAsync(["backup", Archive], new CliConsole(new StringReader(""), new StringWriter(), error, false),
            new Dictionary<string, string?> { ["DataDir"] = Source, ["Database:Provider"] = "postgresql" }, s => s.AddSingleton<IClock>(_clock));

        exit.ShouldBe(1);
        error.ToString().ShouldContain("pg_dump");
        File.Exists(Archive).ShouldBeFalse();
    }

    private static List<(string Name, byte[] Data)> Entries(string archive)
    {
        using var reader = new TarReader(File.OpenRead(archive));
        var entries = new List<(string, byte[])>();
        while (reader.GetNextEntry() is { } entry)
        {
            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            entries.Add((entry.Name, data.ToArray()));
        }
        return entries;
    }

    private static void Write(string path, List<(string Name, byte[] Data)> entries, string changed, Func<byte[], byte[]> change)
    {
        using var writer = new TarWriter(File.Create(path), TarEntryFormat.Pax);
        foreach (var (name, data) in entries)
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(name == changed ? change([.. data]) : data) });
        }
    }

    private static void Write(string path, List<(string Name, byte[] Data)> entries, string changed, Action<byte[]> change) =>
        Write(path, entries, changed, d => { change(d); return d; });

    private static byte[] Replace(byte[] data, string from, string to)
    {
        var text = Encoding.UTF8.GetString(data);
        text.ShouldContain(from);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
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
