using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary>
/// <c>wane trends</c> on a terminal draws a Spectre bar chart per kind, one bar a day, and each bar's figure is the day's
/// total from <c>/api/v1/days/{date}</c> for the same journal (the app and the CLI on one database).
/// </summary>
public partial class TrendsTerminalTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task Trends_OnATerminal_DrawsABarPerDay_WhoseFiguresAreTheDayTotals()
    {
        var name = "bars-" + Guid.NewGuid().ToString("N")[..6];
        using var api = await app.NewUserClientAsync("America/New_York", name);
        var kratom = await api.CreateProductAsync(Intents.RedBali);
        var morphine = await api.CreateProductAsync(new { name = "Morphine", kind = "opioid", form = "tablet", opioid = "morphine", mgPerTablet = 15 });
        foreach (var (at, amount) in new[] { ("2026-11-19T14:00:00Z", 4.5m), ("2026-11-20T14:00:00Z", 5m), ("2026-11-21T04:30:00Z", 1.25m), ("2026-11-22T14:00:00Z", 3.5m), ("2026-11-25T14:00:00Z", 2m) })
        {
            await api.LogDoseOkAsync(new { productId = kratom, amount, unit = "g", takenAt = at }); // 04:30 UTC on the 21st is 23:30 on the 20th in New York
        }
        await api.LogDoseOkAsync(new { productId = morphine, amount = 1.5, unit = "tablet", takenAt = "2026-11-23T13:00:00Z" });
        (await api.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 6, pace = new { kind = "linear", amount = 1 }, intervalDays = 3, startDate = "2026-11-19" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var run = await CliRun.OnTerminalAsync(["trends", "--from", "2026-11-19", "--to", "2026-11-25", "--user", name], app.DataDir, app.Clock);

        run.Exit.ShouldBe(0, run.Err);
        var lines = Ansi().Replace(run.Out, "").Split('\n').Select(l => l.TrimEnd()).ToList();
        lines.ShouldContain(l => l.Contains("kratom, g a day", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("opioid, MME a day", StringComparison.Ordinal));
        var kratomBars = Bars(lines, "kratom, g a day");
        var opioidBars = Bars(lines, "opioid, MME a day");
        var dates = Enumerable.Range(19, 7).Select(d => $"2026-11-{d}").ToList();
        kratomBars.Keys.ShouldBe(dates);
        opioidBars.Keys.ShouldBe(dates);
        foreach (var date in dates)
        {
            var totals = (await api.GetJsonAsync($"/api/v1/days/{date}")).GetProperty("totals").EnumerateArray().ToList();
            kratomBars[date].ShouldBe(Total(totals, "kratom"), date);
            opioidBars[date].ShouldBe(Total(totals, "opioid"), date);
        }
        kratomBars["2026-11-20"].ShouldBe(6.25m);
        opioidBars["2026-11-23"].ShouldBe(22.5m);
        lines.ShouldContain(l => l.Contains('█'));
        lines.ShouldContain(l => l.Trim().StartsWith("2026-11-19 (target 6 g)", StringComparison.Ordinal)); // the plan's first step
        // Each bar's length follows its figure: no bar on a day with nothing, a longer bar for a larger total.
        var lengths = lines.Where(l => Bar().IsMatch(l)).Select(l => (Value: decimal.Parse(Bar().Match(l).Groups[2].Value, CultureInfo.InvariantCulture), Blocks: l.Count(c => c == '█'))).ToList();
        lengths.Where(b => b.Value == 0).ShouldAllBe(b => b.Blocks == 0);
        var kratomLengths = lengths.Take(7).Where(b => b.Value > 0).OrderBy(b => b.Value).Select(b => b.Blocks).ToList();
        kratomLengths.ShouldBe(kratomLengths.Order().Distinct().ToList());
    }

    private static decimal Total(List<JsonElement> totals, string kind) =>
        totals.FirstOrDefault(t => t.GetProperty("kind").GetString() == kind) is { ValueKind: JsonValueKind.Object } t ? t.GetProperty("amount").GetDecimal() : 0m;

    /// <summary>The bars under a chart's label: the date each bar is labelled with, and the figure it ends with.</summary>
    private static Dictionary<string, decimal> Bars(List<string> lines, string label)
    {
        var start = lines.FindIndex(l => l.Contains(label, StringComparison.Ordinal));
        var bars = new Dictionary<string, decimal>();
        foreach (var line in lines.Skip(start + 1))
        {
            if (Bar().Match(line) is not { Success: true } m)
            {
                break;
            }
            bars[m.Groups[1].Value] = decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        }
        return bars;
    }

    [GeneratedRegex(@"\u001b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"^\s*(\d{4}-\d{2}-\d{2})\b.*?\s(\d+(?:\.\d+)?)$")]
    private static partial Regex Bar();
}
