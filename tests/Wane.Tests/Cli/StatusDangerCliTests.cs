using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane status</c> keeps a danger standing until its window has passed, as the API and Today do.</summary>
public sealed class StatusDangerCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0)); // 10:00 in New York

    private async Task<(int Exit, string Out, string Err)> WaneAsync(params string[] args)
    {
        var (exit, output, error) = await CliRun.RunAsync(args, _dataDir, _clock, "correct horse battery\n");
        // The terminal wraps long lines; the words are what matter.
        return (exit, Regex.Replace(output, @"\s+", " "), error);
    }

    private async Task SetUpAsync()
    {
        (await WaneAsync("user", "add", "maya", "--time-zone", "America/New_York", "--password-stdin")).Exit.ShouldBe(0);
        (await WaneAsync("products", "add", "Red Bali", "--kind", "kratom", "--form", "powder", "--strain", "red")).Exit.ShouldBe(0);
        (await WaneAsync("products", "add", "Oxy", "--kind", "opioid", "--form", "tablet", "--opioid", "oxycodone", "--mg-per-tablet", "5")).Exit.ShouldBe(0);
        (await WaneAsync("log", "3", "g", "--product", "Red Bali", "--at", "2026-11-25 07:00")).Exit.ShouldBe(0);
        var oxy = await WaneAsync("log", "1", "tablet", "--product", "Oxy", "--at", "2026-11-25 09:30", "--yes");
        oxy.Exit.ShouldBe(0, oxy.Err);
        oxy.Out.ShouldContain("DANGER S1");
    }

    [Fact]
    public async Task Status_OpioidWithin12hOfKratom_PrintsTheDangerWithNaloxoneAndEmergencyUntilItPasses()
    {
        await SetUpAsync();

        var text = await WaneAsync("status");

        text.Exit.ShouldBe(0, text.Err);
        text.Out.ShouldContain("DANGER S1 Dangerous combination: still active: You took oxycodone at 09:30 and kratom at 07:00, within 12 h of each other. Together they still count as combined until 19:00.");
        text.Out.ShouldContain("Emergency services: Call 911.");
        text.Out.ShouldContain("Naloxone: Over the counter");
        text.Out.ShouldContain("Oxycodone at 09:30: Wane has no sourced figure for how long oxycodone lasts");
        text.Out.ShouldContain("Kratom at 07:00: effects should wear off by 13:00");

        _clock.Reset(Instant.FromUtc(2026, 11, 26, 0, 0)); // 19:00 in New York
        var later = await WaneAsync("status");
        later.Out.ShouldNotContain("DANGER S1");
        later.Out.ShouldContain("Kratom at 07:00: effects should have worn off by 13:00");
    }

    [Fact]
    public async Task StatusJson_CarriesTheStandingDangerAndItsResources()
    {
        await SetUpAsync();

        var run = await WaneAsync("status", "--json");

        run.Exit.ShouldBe(0, run.Err);
        var s1 = JsonDocument.Parse(run.Out).RootElement.GetProperty("advisories").EnumerateArray().Single(a => a.GetProperty("rule").GetString() == "S1");
        s1.GetProperty("level").GetString().ShouldBe("danger");
        s1.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("href").GetString()).ShouldContain("tel:911");
    }

    [Fact]
    public async Task Log_FirstOpioidDoseOf1500Mme_AdvisesS5()
    {
        (await WaneAsync("user", "add", "maya", "--time-zone", "America/New_York", "--password-stdin")).Exit.ShouldBe(0);
        (await WaneAsync("products", "add", "Oxy", "--kind", "opioid", "--form", "tablet", "--opioid", "oxycodone", "--mg-per-tablet", "5")).Exit.ShouldBe(0);

        var run = await WaneAsync("log", "1000", "mg", "--product", "Oxy", "--at", "2026-11-25 09:00", "--yes");

        run.Exit.ShouldBe(0, run.Err);
        run.Out.ShouldContain("CAUTION S5 50 MME or more today: With this dose your opioid total today is 1500 MME, at or above 50 MME a day.");
        (await WaneAsync("status")).Out.ShouldContain("CAUTION S5");
    }

    [Fact]
    public async Task GuardrailsSet_S5ThresholdOutOfRange_IsAUsageError()
    {
        (await WaneAsync("user", "add", "maya", "--time-zone", "America/New_York", "--password-stdin")).Exit.ShouldBe(0);
        var bad = await WaneAsync("guardrails", "set", "S5.mme=0");
        bad.Exit.ShouldBe(1);
        bad.Err.ShouldContain("S5.mme");
        (await WaneAsync("guardrails", "set", "S5.mme=90MME")).Exit.ShouldBe(0);
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
