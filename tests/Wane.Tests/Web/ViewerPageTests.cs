using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Wane.Tests.Reports;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>
/// What a viewer's page and API carry for the scopes shared: the period's dangers with doses, the plan and check-in charts,
/// and nothing of the withdrawal scores when only the plan is shared. "Today" is 2026-11-25.
/// </summary>
public class ViewerPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    private async Task<(HttpClient Api, Browserless Page, string Name)> ViewerAsync()
    {
        var name = "viewer-" + Guid.NewGuid().ToString("N")[..6];
        var api = await app.NewUserClientAsync("UTC", name);
        var page = new Browserless(app.BaseAddress);
        await page.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        return (api, page, name);
    }

    private static async Task<long> ShareAsync(HttpClient owner, string to, params string[] scopes)
    {
        var response = await owner.PostAsJsonAsync("/api/v1/shares", new { to, scopes });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("share").GetProperty("id").GetInt64();
    }

    /// <summary>The rows of the viewer page's plan chart table: date, target, taken, held.</summary>
    private static List<string[]> PlanRows(string html)
    {
        var start = html.IndexOf("<figure class=\"chart\" id=\"plan-kratom\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0);
        var figure = html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Matches(figure[figure.IndexOf("<tbody>", StringComparison.Ordinal)..], "<tr>.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Text.RegularExpressions.Regex.Matches(m.Value, "<t[hd][^>]*>([^<]*)</t[hd]>").Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray()).ToList();
    }

    [Fact]
    public async Task Viewer_WithDoses_SeesThePeriodsS1Danger_AndThePlanAndCheckInCharts()
    {
        using var owner = await app.NewUserClientAsync("America/New_York");
        await ReportTests.FillAsync(owner); // 2 g of kratom at 02:00 on 25 Nov, an hour after a beer
        var (api, page, name) = await ViewerAsync();
        using var _1 = api;
        using var _2 = page;
        var id = await ShareAsync(owner, name, "plan", "checkins", "doses");

        var dangers = (await api.GetJsonAsync($"/api/v1/shared/{id}/doses")).GetProperty("dangers").EnumerateArray()
            .Select(d => (d.GetProperty("date").GetString(), d.GetProperty("time").GetString(), d.GetProperty("rule").GetString(), d.GetProperty("level").GetString())).ToList();
        dangers.ShouldContain(("2026-11-25", "02:00", "S1", "danger"));

        var (response, html) = await page.GetAsync($"/shared/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = WebUtility.HtmlDecode(html);
        text.ShouldContain("<li class=\"danger-item\"><time datetime=\"2026-11-25\">2026-11-25</time> 02:00, S1 (danger):");
        foreach (var chart in new[] { "plan-kratom", "checkins-sows", "daily-pain", "daily-sleep" })
        {
            var start = html.IndexOf($"<figure class=\"chart\" id=\"{chart}\"", StringComparison.Ordinal);
            start.ShouldBeGreaterThanOrEqualTo(0, chart);
            html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)].ShouldContain("<svg", Case.Sensitive, chart);
        }
        text.ShouldContain("1 SOWS score in 30 days, from 6 (mild) on 25 Nov to 6 (mild) on 25 Nov");
        PlanRows(html).Single(r => r[0] == "2026-11-25")[1..].ShouldBe(["6", "2", "held"]); // target, taken and the hold ("moving house"), as on the owner's own chart
        PlanRows(html).Single(r => r[0] == "2026-11-24")[2].ShouldBe("2.5");

        // Without the doses scope the dangers (and the doses that raised them) are not there.
        var (other, otherPage, otherName) = await ViewerAsync();
        using var _3 = other;
        using var _4 = otherPage;
        var plain = await ShareAsync(owner, otherName, "plan", "checkins");
        (await other.GetAsync($"/api/v1/shared/{plain}/doses")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (_, withoutDoses) = await otherPage.GetAsync($"/shared/{plain}");
        withoutDoses.ShouldNotContain("danger-item");
        withoutDoses.ShouldContain("has not shared doses");
    }

    [Fact]
    public async Task Viewer_PlanOnly_SeesThePlanChartAndHoldsButNoWithdrawalScoreOrDose()
    {
        using var owner = await app.NewUserClientAsync("America/New_York");
        var plan = (await (await owner.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 10, pace = new { kind = "percent", percent = 10 }, startDate = "2026-11-18" })).JsonAsync()).GetProperty("id").GetInt64();
        var kratom = await owner.CreateProductAsync(Intents.RedBali);
        await owner.LogDoseOkAsync(new { productId = kratom, amount = 4, unit = "g", takenAt = "2026-11-20T14:00:00Z" });
        var sows = await owner.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", takenAt = "2026-11-22T14:00:00Z", answers = new[] { 2, 2, 2, 2, 2, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0 } });
        sows.StatusCode.ShouldBe(HttpStatusCode.Created); // 15 of 64: holds the plan
        (await owner.PostAsync($"/api/v1/plans/{plan}/override-hold", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (api, page, name) = await ViewerAsync();
        using var _1 = api;
        using var _2 = page;
        var planOnly = await ShareAsync(owner, name, "plan");
        var (both, bothPage, bothName) = await ViewerAsync();
        using var _3 = both;
        using var _4 = bothPage;
        var withCheckIns = await ShareAsync(owner, bothName, "plan", "checkins");

        // With check-ins shared the score is there (in the override's reason, the list and the chart) ...
        var (_, shown) = await bothPage.GetAsync($"/shared/{withCheckIns}");
        shown = WebUtility.HtmlDecode(shown);
        (shown.Contains("a SOWS of 15", StringComparison.Ordinal), shown.Contains("15/64", StringComparison.Ordinal), shown.Contains("id=\"checkins-sows\"", StringComparison.Ordinal))
            .ShouldBe((true, true, true));
        (await both.GetJsonAsync($"/api/v1/shared/{withCheckIns}/plan")).GetRawText().ShouldContain("a SOWS of 15");

        // ... and with the plan only, not anywhere: page, plan, status, trends.
        var (_, hidden) = await page.GetAsync($"/shared/{planOnly}");
        hidden = WebUtility.HtmlDecode(hidden);
        hidden.ShouldContain("override");
        hidden.ShouldContain("has not shared check-ins");
        // The plan's chart is there with its targets and holds, and no "taken" (not a zero either): doses were not shared.
        var planRows = PlanRows(hidden);
        planRows.Single(r => r[0] == "2026-11-20").ShouldBe(["2026-11-20", "10", "", ""]); // 4 g taken that day, not shared
        planRows.Single(r => r[0] == "2026-11-22")[3].ShouldBe("held"); // from the SOWS of 15 until the override
        planRows.ShouldAllBe(r => r[2] == "");
        var figure = hidden[hidden.IndexOf("<figure class=\"chart\" id=\"plan-kratom\"", StringComparison.Ordinal)..];
        figure = figure[..figure.IndexOf("</figure>", StringComparison.Ordinal)];
        figure.ShouldNotContain("within the target");
        System.Text.RegularExpressions.Regex.IsMatch(figure, @">\s*taken\s*<").ShouldBeFalse();
        foreach (var leak in new[] { "SOWS of", "15/64", "checkins-sows", "15 (" })
        {
            hidden.ShouldNotContain(leak);
        }
        var planView = (await api.GetJsonAsync($"/api/v1/shared/{planOnly}/plan")).GetRawText();
        planView.ShouldNotContain("SOWS of");
        planView.ShouldContain("override");
        (await api.GetJsonAsync($"/api/v1/shared/{planOnly}/status")).GetProperty("lastCheckIn").ValueKind.ShouldBe(JsonValueKind.Null);
        (await api.GetJsonAsync($"/api/v1/shared/{planOnly}/trends?from=2026-11-18&to=2026-11-25")).GetProperty("days").EnumerateArray()
            .ShouldAllBe(d => d.GetProperty("sows").ValueKind == JsonValueKind.Null && d.GetProperty("target").ValueKind == JsonValueKind.Object);
        (await api.GetAsync($"/api/v1/shared/{planOnly}/checkins")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
