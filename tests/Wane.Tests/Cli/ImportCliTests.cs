using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane import</c>: a dry run first, then all or nothing, or the valid rows only.</summary>
public sealed class ImportCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private Task<(int Exit, string Out, string Err)> WaneAsync(string[] args, string stdin = "") => CliRun.RunAsync(args, _dataDir, _clock, stdin);

    [Fact]
    public async Task Import_DryRunThenValidOnly_AndAnExportGoesBackInOnce()
    {
        (await WaneAsync(["user", "add", "maya", "--time-zone", "America/New_York", "--password-stdin"], "correct horse battery\n")).Exit.ShouldBe(0);
        Directory.CreateDirectory(_dataDir);
        var csv = Path.Combine(_dataDir, "doses.csv");
        await File.WriteAllTextAsync(csv, "taken_at,product,kind,amount,unit\n2026-11-24T13:30:00Z,Red Bali,kratom,2.5,g\n2026-11-24T20:00:00Z,Red Bali,kratom,abc,g\n", TestContext.Current.CancellationToken);

        var dry = await WaneAsync(["import", csv, "--dry-run"]);
        var refused = await WaneAsync(["import", csv]);
        var valid = await WaneAsync(["import", csv, "--valid-only"]);

        dry.Exit.ShouldBe(0, dry.Err);
        dry.Out.ShouldContain("Dry run: nothing was stored.");
        dry.Out.ShouldContain("rejected line 3.amount");
        refused.Exit.ShouldNotBe(0);
        refused.Err.ShouldContain("--valid-only");
        valid.Exit.ShouldBe(0, valid.Err);
        valid.Out.ShouldContain("Imported.");

        var export = Path.Combine(_dataDir, "export.json");
        (await WaneAsync(["export", "--out", export])).Exit.ShouldBe(0);
        var again = await WaneAsync(["import", export, "--format", "wane"]);
        again.Exit.ShouldBe(0, again.Err);
        again.Out.ShouldContain("doses     added      0   skipped (already there)      1");
    }

    [Fact]
    public async Task Import_ABadFile_SaysWhyAndFails()
    {
        (await WaneAsync(["user", "add", "maya", "--password-stdin"], "correct horse battery\n")).Exit.ShouldBe(0);
        Directory.CreateDirectory(_dataDir);
        var file = Path.Combine(_dataDir, "cut.json");
        await File.WriteAllTextAsync(file, "{\"format\":\"wane-export\",\"schemaVersion\":1,\"doses\":[", TestContext.Current.CancellationToken);

        var run = await WaneAsync(["import", file]);

        run.Exit.ShouldNotBe(0);
        run.Err.ShouldContain("file: The file is not valid JSON");
    }

    [Fact]
    public async Task Import_APsychonautWikiFile_ReportsWhatCannotBeMapped_ThenStoresTheRest()
    {
        (await WaneAsync(["user", "add", "maya", "--time-zone", "Europe/Berlin", "--password-stdin"], "correct horse battery\n")).Exit.ShouldBe(0);
        var file = Import.ImportOtherFormatsTests.Sample("psychonautwiki-sample.json");

        var dry = await WaneAsync(["import", file, "--format", "psychonautwiki", "--dry-run"]);
        var refused = await WaneAsync(["import", file, "--format", "psychonautwiki"]);
        var stored = await WaneAsync(["import", file, "--format", "psychonautwiki", "--valid-only"]);
        var again = await WaneAsync(["import", file, "--format", "psychonautwiki", "--valid-only"]);

        dry.Exit.ShouldBe(0, dry.Err);
        dry.Out.ShouldContain("rejected experiences[0].ingestions[3].dose");
        dry.Out.ShouldContain("rejected experiences[0].ingestions[4].consumerName");
        dry.Out.ShouldContain("note: Oxycodone becomes a new product of kind opioid (oxycodone, with its CDC conversion factor).");
        refused.Exit.ShouldNotBe(0);
        stored.Exit.ShouldBe(0, stored.Err);
        stored.Out.ShouldContain("doses     added      4");
        again.Out.ShouldContain("doses     added      0   skipped (already there)      4");
        again.Out.ShouldContain("skipped experiences[0].ingestions[0]");
        var export = System.Text.Json.JsonDocument.Parse((await WaneAsync(["export"])).Out).RootElement;
        export.GetProperty("doses").GetArrayLength().ShouldBe(4);
        export.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).ShouldBe(["kratom", "opioid", "other"], ignoreOrder: true);
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
