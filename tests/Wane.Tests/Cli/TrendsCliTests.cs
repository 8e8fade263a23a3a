using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane trends</c>: the same days as the API, plain lines when piped, 400-style errors naming the option.</summary>
public sealed class TrendsCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private async Task<(int Exit, string Out, string Err)> WaneAsync(string args, string stdin = "") =>
        await CliRun.RunAsync(System.Text.RegularExpressions.Regex.Matches(args, "\"([^\"]*)\"|(\\S+)")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray(), _dataDir, _clock, stdin);

    [Fact]
    public async Task Trends_Piped_PrintsEachDayWithItsTotal_AndJsonMatches()
    {
        (await WaneAsync("user add maya --time-zone America/New_York --password-stdin", "correct horse battery\n")).Exit.ShouldBe(0);
        (await WaneAsync("products add \"Red Bali\" --kind kratom --form powder --strain red --grams-per-teaspoon 2.5")).Exit.ShouldBe(0);
        (await WaneAsync("log 3 g --product 1 --at \"2026-11-24 08:30\"")).Exit.ShouldBe(0);
        (await WaneAsync("log 2.5 g --product 1 --at \"2026-11-24 23:30\"")).Exit.ShouldBe(0);

        var text = await WaneAsync("trends --from 2026-11-23 --to 2026-11-25");
        var json = JsonDocument.Parse((await WaneAsync("trends --from 2026-11-23 --to 2026-11-25 --json")).Out).RootElement;

        text.Exit.ShouldBe(0, text.Err);
        text.Out.ShouldContain("kratom (g a day), 2026-11-23 to 2026-11-25");
        text.Out.ShouldContain("2026-11-24  5.5 g");
        text.Out.ShouldContain("2026-11-25 (kratom-free)  0 g");
        text.Out.ShouldNotContain("\u001b[");
        json.GetProperty("days").GetArrayLength().ShouldBe(3);
        json.GetProperty("days")[1].GetProperty("totals")[0].GetProperty("amount").GetDecimal().ShouldBe(5.5m);
    }

    [Fact]
    public async Task Trends_BadDate_ExitsOneNamingTheOption()
    {
        (await WaneAsync("user add maya --time-zone UTC --password-stdin", "correct horse battery\n")).Exit.ShouldBe(0);
        var bad = await WaneAsync("trends --from 2026-02-30");
        bad.Exit.ShouldBe(1);
        bad.Err.ShouldContain("from:");
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
