using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane dose delete ID [--purge]</c>.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // reads the audit rows straight from the SQLite file.
public sealed class DoseDeleteCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private async Task<(int Exit, string Out, string Err)> WaneAsync(params string[] args)
    {
        var (exit, output, error) = await CliRun.RunAsync(args, _dataDir, _clock, "correct horse battery\n");
        return (exit, Regex.Replace(output, @"\s+", " "), Regex.Replace(error, @"\s+", " "));
    }

    private async Task<string> LoggedDoseIdAsync(string note)
    {
        (await WaneAsync("user", "add", "maya", "--time-zone", "UTC", "--password-stdin")).Exit.ShouldBe(0);
        (await WaneAsync("products", "add", "Red Bali", "--kind", "kratom", "--form", "powder")).Exit.ShouldBe(0);
        var logged = await WaneAsync("log", "2", "g", "--product", "Red Bali", "--note", note, "--yes");
        logged.Exit.ShouldBe(0, logged.Err);
        var list = await WaneAsync("doses", "--json");
        return Regex.Match(list.Out, "\"id\": (\\d+)").Groups[1].Value;
    }

    private async Task<string> AuditTextAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDir, "wane.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(Action || ':' || COALESCE(Before, ''), ';') FROM dose_audits";
        return (await command.ExecuteScalarAsync()) as string ?? "";
    }

    [Fact]
    public async Task DoseDelete_Purge_ErasesTheNoteFromTheTrail()
    {
        var id = await LoggedDoseIdAsync("cli-marker-purge");

        var run = await WaneAsync("dose", "delete", id, "--purge");

        run.Exit.ShouldBe(0, run.Err);
        run.Out.ShouldContain("erased");
        (await AuditTextAsync()).ShouldNotContain("cli-marker-purge");
        (await WaneAsync("doses")).Out.ShouldContain("No doses");
    }

    [Fact]
    public async Task DoseDelete_WithoutPurge_KeepsTheNoteInTheTrail()
    {
        var id = await LoggedDoseIdAsync("cli-marker-keep");

        (await WaneAsync("dose", "delete", id)).Exit.ShouldBe(0);

        (await AuditTextAsync()).ShouldContain("cli-marker-keep");
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("-3")]
    public async Task DoseDelete_UnknownOrMalformedId_Exit1(string id)
    {
        await LoggedDoseIdAsync("x");

        var run = await WaneAsync("dose", "delete", id, "--purge");

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("id:");
        (await WaneAsync("doses")).Out.ShouldContain("Red Bali");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
