using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>The Guardrails page's tolerance chart: S2's numbers day by day, ending on the Today view's, with the rise from the person's settings.</summary>
public partial class TolerancePageTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task ToleranceChart_LastDayIsTodaysTrend_AndTheLineFollowsTheRiseSetting()
    {
        using var api = await app.NewUserClientAsync("America/New_York", "tolerance");
        var kratom = await api.CreateProductAsync(Intents.RedBali);
        var opioid = await api.CreateProductAsync(new { name = "Morphine", kind = "opioid", form = "tablet", opioid = "morphine", mgPerTablet = 15 });
        var start = new DateOnly(2026, 10, 6);
        for (var date = start; date <= new DateOnly(2026, 11, 25); date = date.AddDays(1))
        {
            var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await api.LogDoseOkAsync(new { productId = kratom, amount = date < new DateOnly(2026, 11, 16) ? 5 : 7, unit = "g", takenAt = $"{text}T08:00:00-05:00" });
            if (date.Day % 4 == 0)
            {
                await api.LogDoseOkAsync(new { productId = opioid, amount = 1, unit = "tablet", takenAt = $"{text}T07:00:00-05:00" });
            }
        }
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = "tolerance", ["Password"] = "correct horse battery" });

        var (response, html) = await browser.GetAsync("/guardrails");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var status = await api.GetJsonAsync("/api/v1/status");
        foreach (var kind in new[] { "kratom", "opioid" })
        {
            var trend = status.GetProperty("toleranceTrend").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == kind);
            var rows = Rows(Figure(html, kind));
            rows.Count.ShouldBe(56);
            rows[0][0].ShouldBe("2026-10-01");
            var today = rows[^1];
            today[0].ShouldBe("2026-11-25");
            today[1].ShouldBe(Two(trend.GetProperty("recentDailyAverage").GetDecimal()), kind);
            today[2].ShouldBe(Two(trend.GetProperty("baselineDailyAverage").GetDecimal()), kind);
            today[3].ShouldBe(Two(trend.GetProperty("baselineDailyAverage").GetDecimal() * 1.2m), kind);
            today[5].ShouldBe(trend.GetProperty("rising").GetBoolean() ? "rising" : "", kind);
        }
        var kratomRows = Rows(Figure(html, "kratom"));
        kratomRows.Where(r => r[5] == "rising").Select(r => r[0]).ShouldBe(Enumerable.Range(19, 7).Select(d => $"2026-11-{d}"));
        kratomRows.Single(r => r[0] == "2026-10-05")[1].ShouldBe("–"); // before the first dose: unknown, not zero
        WebUtility.HtmlDecode(Regex.Match(Figure(html, "kratom"), "<figcaption[^>]*>(.*?)</figcaption>").Groups[1].Value).ShouldBe(
            "Kratom on 25 Nov: 7 g a day over the last 7 days against 5.2 g a day over the 28 days before (34% above); S2 speaks from 6.3 g (+20%). Rising on 7 of the last 56 days.");

        (await api.PutAsJsonAsync("/api/v1/guardrails", new Dictionary<string, object> { ["S2"] = new { values = new { rise = 50 } } })).EnsureSuccessStatusCode();
        var (_, after) = await browser.GetAsync("/guardrails");
        var figure = Figure(after, "kratom");
        WebUtility.HtmlDecode(figure).ShouldContain("+50% line");
        Rows(figure)[^1][3].ShouldBe(Two(Rows(figure)[^1][2], 1.5m));
        Rows(figure).ShouldAllBe(r => r[5] == "");
    }

    [Fact]
    public async Task ToleranceChart_WithoutDoses_SaysSo()
    {
        using var api = await app.NewUserClientAsync("UTC", "nothing-yet");
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = "nothing-yet", ["Password"] = "correct horse battery" });

        var (_, html) = await browser.GetAsync("/guardrails");

        html.ShouldContain("No kratom or opioid doses in the last 56 days");
        html.ShouldNotContain("figure class=\"chart\" id=\"tolerance-");
    }

    private static string Two(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Two(string baseline, decimal factor) => Two(decimal.Parse(baseline, CultureInfo.InvariantCulture) * factor);

    private static string Figure(string html, string kind)
    {
        var start = html.IndexOf($"<figure class=\"chart\" id=\"tolerance-{kind}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, kind);
        return html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    private static List<string[]> Rows(string figure) => Row().Matches(figure[figure.IndexOf("<tbody>", StringComparison.Ordinal)..])
        .Select(m => Cell().Matches(m.Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray()).ToList();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[hd][^>]*>([^<]*)</t[hd]>")]
    private static partial Regex Cell();
}
