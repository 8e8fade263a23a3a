using System.IO.Compression;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane export</c>: the same record as the API, to standard output or a file.</summary>
public sealed class ExportCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private Task<(int Exit, string Out, string Err)> WaneAsync(string[] args, string stdin = "") => CliRun.RunAsync(args, _dataDir, _clock, stdin);

    private async Task SetUpAsync()
    {
        (await WaneAsync(["user", "add", "maya", "--time-zone", "America/New_York", "--password-stdin"], "correct horse battery\n")).Exit.ShouldBe(0);
        (await WaneAsync(["products", "add", "Red Bali", "--kind", "kratom", "--form", "powder"])).Exit.ShouldBe(0);
        (await WaneAsync(["log", "2.5", "g", "--product", "Red Bali", "--at", "2026-11-25 08:30", "--yes"])).Exit.ShouldBe(0);
    }

    [Fact]
    public async Task Export_ToStandardOutput_IsTheVersionedJson()
    {
        await SetUpAsync();

        var run = await WaneAsync(["export"]);

        run.Exit.ShouldBe(0, run.Err);
        var root = JsonDocument.Parse(run.Out).RootElement;
        root.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        root.GetProperty("profile").GetProperty("name").GetString().ShouldBe("maya");
        root.GetProperty("doses")[0].GetProperty("takenAt").GetString().ShouldBe("2026-11-25T13:30:00Z");
    }

    [Fact]
    public async Task Export_CsvTable_PrintsRowsWithLocalTimes()
    {
        await SetUpAsync();

        var run = await WaneAsync(["export", "--format", "csv", "--table", "doses"]);

        run.Exit.ShouldBe(0, run.Err);
        var lines = run.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(",2026-11-25T13:30:00Z,2026-11-25,08:30,America/New_York,");
    }

    [Fact]
    public async Task Export_CsvZip_NeedsAFile_AndWritesBothTables()
    {
        await SetUpAsync();
        var file = Path.Combine(_dataDir, "out.zip");

        var refused = await WaneAsync(["export", "--format", "csv"]);
        var written = await WaneAsync(["export", "--format", "csv", "--out", file]);

        refused.Exit.ShouldBe(1);
        refused.Err.ShouldContain("--out");
        written.Exit.ShouldBe(0, written.Err);
        written.Err.ShouldContain("Exported to");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        using var zip = ZipFile.OpenRead(file);
        zip.Entries.Select(e => e.FullName).ShouldBe(["doses.csv", "checkins.csv"]);
    }

    [Fact]
    public async Task Export_ToAFileOnATerminal_ShowsAProgressBar_AndNoneWhenPiped()
    {
        await SetUpAsync();
        var file = Path.Combine(_dataDir, "out.json");

        var terminal = await CliRun.RunAsync(["export", "--out", file], _dataDir, _clock, terminal: true);
        var piped = await WaneAsync(["export", "--out", file]);

        terminal.Exit.ShouldBe(0, terminal.Err);
        terminal.Out.ShouldContain("Exporting");
        terminal.Out.ShouldContain("100%");
        terminal.Err.ShouldContain("Exported to");
        piped.Exit.ShouldBe(0, piped.Err);
        piped.Out.ShouldBeEmpty();
        piped.Err.ShouldContain("Exported to");
        JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).RootElement.GetProperty("doses").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData("--format", "xml", "format")]
    [InlineData("--table", "products", "table")]
    public async Task Export_BadOption_Exits1NamingIt(string option, string value, string field)
    {
        await SetUpAsync();

        var run = await WaneAsync(["export", option, value]);

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain(field + ":");
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task ExportFhir_ToAFile_IsABundleOfTheDosesReadableByItsOwnerOnly()
    {
        await SetUpAsync();
        var file = Path.Combine(_dataDir, "bundle.json");

        var run = await WaneAsync(["export", "--format", "fhir", "--from", "2026-11-01", "--out", file]);

        run.Exit.ShouldBe(0, run.Err);
        run.Err.ShouldContain("FHIR R4 Bundle");
        var root = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).RootElement;
        (root.GetProperty("resourceType").GetString(), root.GetProperty("type").GetString()).ShouldBe(("Bundle", "collection"));
        var statement = root.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).Single(r => r.GetProperty("resourceType").GetString() == "MedicationStatement");
        statement.GetProperty("effectiveDateTime").GetString().ShouldBe("2026-11-25T08:30:00-05:00");
        statement.GetProperty("dosage")[0].GetProperty("doseAndRate")[0].GetProperty("doseQuantity").GetProperty("value").GetDecimal().ShouldBe(2.5m);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Theory]
    [InlineData(new[] { "--from", "2026-02-30" }, "from")]
    [InlineData(new[] { "--table", "doses" }, "table")]
    [InlineData(new[] { "--patient-name", "\u001b[2J" }, "patientName")]
    public async Task ExportFhir_BadOption_Exits1NamingIt(string[] extra, string field)
    {
        await SetUpAsync();

        var run = await WaneAsync(["export", "--format", "fhir", .. extra]);

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain(field + ":");
        run.Out.ShouldBeEmpty();
    }

    public void Dispose()
    {
        Support.TestDatabase.Release(_dataDir);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
