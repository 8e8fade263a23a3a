using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>
/// The Today and Plan charts hold the figures the API gives: each row of their tables is the day's total from
/// <c>/api/v1/days/{date}</c> and the target of the plan's step for that day, and the Plan chart marks its hold, today and
/// its end. A person in New York; "today" is 2026-11-25.
/// </summary>
public partial class ChartPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A plan from 6 g on 12 Nov (1 g less a week), held from 19 Nov until today, kratom most days and one morphine tablet.</summary>
    private async Task<(HttpClient Api, Browserless Browser)> JournalAsync(string name)
    {
        var api = await app.NewUserClientAsync("America/New_York", name);
        var kratom = await api.CreateProductAsync(Intents.RedBali);
        var morphine = await api.CreateProductAsync(new { name = "Morphine", kind = "opioid", form = "tablet", opioid = "morphine", mgPerTablet = 15 });
        foreach (var (day, amount) in new[] { (12, 6m), (13, 5.5m), (14, 6.5m), (16, 5m), (18, 4.5m), (20, 5m), (22, 4m), (25, 3m) })
        {
            await api.LogDoseOkAsync(new { productId = kratom, amount, unit = "g", takenAt = $"2026-11-{day}T14:00:00Z" });
        }
        await api.LogDoseOkAsync(new { productId = kratom, amount = 1, unit = "g", takenAt = "2026-11-21T04:30:00Z" }); // 23:30 on 20 Nov in New York
        await api.LogDoseOkAsync(new { productId = morphine, amount = 1, unit = "tablet", takenAt = "2026-11-23T13:00:00Z" });
        var plan = await (await api.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 6, pace = new { kind = "linear", amount = 1 }, intervalDays = 7, startDate = "2026-11-12" })).JsonAsync();
        var id = plan.GetProperty("id").GetInt64();
        (await api.PostAsJsonAsync($"/api/v1/plans/{id}/hold", new { from = "2026-11-19", reason = "a hard week" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsync($"/api/v1/plans/{id}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        return (api, browser);
    }

    [Fact]
    public async Task TodayAndPlanCharts_TablesEqualTheDayTotalsAndThePlansTargets_AndThePlanChartMarksHoldTodayAndEnd()
    {
        var (api, browser) = await JournalAsync("charts-" + Guid.NewGuid().ToString("N")[..6]);
        using var _1 = api;
        using var _2 = browser;
        var plan = await api.GetJsonAsync("/api/v1/plans/current");
        var steps = plan.GetProperty("steps").EnumerateArray()
            .Select(s => (From: s.GetProperty("from").GetString()!, To: s.GetProperty("to").GetString()!, Target: s.GetProperty("dailyTarget").GetDecimal())).ToList();
        var hold = plan.GetProperty("holds").EnumerateArray().Single();
        (hold.GetProperty("from").GetString(), hold.GetProperty("to").ValueKind).ShouldBe(("2026-11-19", JsonValueKind.String));
        var holdTo = hold.GetProperty("to").GetString()!;
        var end = plan.GetProperty("end").GetString()!;
        // From the plan's end on, the target is the final step's: zero.
        string Target(string date) => steps.FirstOrDefault(s => Between(date, s.From, s.To)) is { From: not null } s ? Fmt(s.Target)
            : string.CompareOrdinal(date, end) >= 0 ? "0" : "–";
        var totals = new Dictionary<string, JsonElement>();
        async Task<string> Total(string date, string kind)
        {
            if (!totals.TryGetValue(date, out var day))
            {
                totals[date] = day = (await api.GetJsonAsync($"/api/v1/days/{date}")).GetProperty("totals");
            }
            return day.EnumerateArray().FirstOrDefault(t => t.GetProperty("kind").GetString() == kind) is { ValueKind: JsonValueKind.Object } t ? Fmt(t.GetProperty("amount").GetDecimal()) : "0";
        }

        var (_, today) = await browser.GetAsync("/");
        var kratom = Rows(Figure(today, "recent-kratom"));
        kratom.Select(r => r[0]).ShouldBe(Enumerable.Range(12, 14).Select(d => $"2026-11-{d}"));
        foreach (var row in kratom)
        {
            row.ShouldBe([row[0], await Total(row[0], "kratom"), Target(row[0]), Between(row[0], "2026-11-19", holdTo) ? "held" : ""], row[0]);
        }
        kratom.Single(r => r[0] == "2026-11-20")[1].ShouldBe("6"); // 5 g in the morning and 1 g at 23:30
        var opioid = Rows(Figure(today, "recent-opioid"));
        foreach (var row in opioid)
        {
            (row[1], row[2]).ShouldBe((await Total(row[0], "opioid"), "–"), row[0]); // MME against no target: the plan is in grams
        }
        opioid.Single(r => r[0] == "2026-11-23")[1].ShouldBe("15");

        var (_, planPage) = await browser.GetAsync("/plan");
        var figure = Figure(planPage, "plan-kratom");
        var rows = Rows(figure);
        rows[0][0].ShouldBe(plan.GetProperty("start").GetString());
        rows[^1][0].ShouldBe(DateOnly.ParseExact(end, "yyyy-MM-dd", Inv).AddDays(7).ToString("yyyy-MM-dd", Inv));
        foreach (var row in rows)
        {
            var taken = string.CompareOrdinal(row[0], "2026-11-25") <= 0 ? await Total(row[0], "kratom") : "";
            row.ShouldBe([row[0], Target(row[0]), taken, Between(row[0], "2026-11-19", holdTo) ? "held" : ""], row[0]);
        }
        rows.Count(r => r[3] == "held").ShouldBeGreaterThanOrEqualTo(6);
        var svg = figure[figure.IndexOf("<svg", StringComparison.Ordinal)..figure.IndexOf("</svg>", StringComparison.Ordinal)];
        var labels = SvgText().Matches(svg).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        new[] { "today", "end: tolerance lost", "plan held", "plan's target", "taken" }.ShouldAllBe(l => labels.Count(x => x == l) == 1);
    }

    [Fact]
    public async Task ChartSummaries_SayTheJournalsNumbers_AndTheCheckInChartNamesItsNidaCtnBands()
    {
        var (api, browser) = await JournalAsync("words-" + Guid.NewGuid().ToString("N")[..6]);
        using var _1 = api;
        using var _2 = browser;
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", takenAt = "2026-11-13T13:00:00Z", answers = new[] { 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", takenAt = "2026-11-17T13:00:00Z", answers = new[] { 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", takenAt = "2026-11-16T22:00:00Z", answers = new { pain = 5, sleep = 2, mood = 2, craving = 8 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", takenAt = "2026-11-24T22:00:00Z", answers = new { pain = 3, sleep = 4, mood = 3, craving = 6 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (_, today) = await browser.GetAsync("/");
        var (_, planPage) = await browser.GetAsync("/plan");
        var (_, checkIns) = await browser.GetAsync("/checkins");
        var recent = Rows(Figure(today, "recent-kratom"));
        var onTarget = recent.Count(r => r[2] != "–" && Dec(r[1]) <= Dec(r[2]));
        var held = recent.Count(r => r[3] == "held");
        (onTarget, held).ShouldBe((12, 6)); // over on 14 Nov (6.5 of 6 g) and 20 Nov (6 of 5 g); held 19 to 24 Nov
        Summary(Figure(today, "recent-kratom")).ShouldBe($"Kratom over 14 days: 6 g on 12 Nov, 3 g on 25 Nov; within the plan's target on {onTarget} of 14 days; the plan held on {Days(held)} (shaded).");
        Summary(Figure(today, "recent-opioid")).ShouldBe($"Opioids over 14 days: 15 MME on 23 Nov, 0 MME on 25 Nov; the plan held on {Days(held)} (shaded).");

        var end = DateOnly.ParseExact((await api.GetJsonAsync("/api/v1/plans/current")).GetProperty("end").GetString()!, "yyyy-MM-dd", Inv);
        var planFigure = Figure(planPage, "plan-kratom");
        var planRows = Rows(planFigure);
        var soFar = planRows.Where(r => r[2] != "").ToList();
        soFar.Count.ShouldBe(14);
        Summary(planFigure).ShouldBe($"The target goes from 6 g a day on 12 Nov to 0 on {end.ToString("d MMM", Inv)}, the end of the plan; "
            + $"within the target on {soFar.Count(r => Dec(r[2]) <= Dec(r[1]))} of the 14 days so far; held on {Days(planRows.Count(r => r[3] == "held"))} (shaded), which moved later steps.");
        SourceOf(planFigure).ShouldStartWith("The end of the plan is when tolerance is lowest");

        var sows = Figure(checkIns, "checkins-sows");
        Summary(sows).ShouldStartWith("2 SOWS scores in 30 days, from 6 (mild) on 13 Nov to 3 (mild) on 17 Nov; highest 6. Neither scale was validated for kratom withdrawal");
        SourceOf(sows).ShouldStartWith("Bands: Bands used in NIDA CTN research, not clinical cut-offs: NIDA Clinical Trials Network data harmonization (CTN-0094");
        SourceOf(sows).ShouldContain("0 none, 1–10 mild, 11–20 moderate, 21 or more severe");
        Rows(sows).Select(r => (r[0], r[1], r[2])).ShouldBe([("2026-11-13 08:00", "6", "mild"), ("2026-11-17 08:00", "3", "mild")]);
        Summary(Figure(checkIns, "daily-pain")).ShouldBe("2 daily check-ins in 30 days (0 none to 10 worst); the last, on 24 Nov: pain 3, craving 6.");
        Summary(Figure(checkIns, "daily-sleep")).ShouldBe("2 daily check-ins in 30 days (1 very poor to 5 very good); the last, on 24 Nov: sleep 4, mood 3.");
    }

    private static string Summary(string figure) => WebUtility.HtmlDecode(Regex.Match(figure, "<figcaption[^>]*>(.*?)</figcaption>", RegexOptions.Singleline).Groups[1].Value);

    private static string SourceOf(string figure) => WebUtility.HtmlDecode(Regex.Match(figure, "<p class=\"source\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);

    private static bool Between(string date, string from, string to) => string.CompareOrdinal(from, date) <= 0 && string.CompareOrdinal(date, to) <= 0;

    private static decimal Dec(string s) => decimal.Parse(s, Inv);

    private static string Fmt(decimal d) => d.ToString("0.##", Inv);

    private static string Figure(string html, string id)
    {
        var start = html.IndexOf($"<figure class=\"chart\" id=\"{id}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, id);
        return html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    private static List<string[]> Rows(string figure) => Row().Matches(figure[figure.IndexOf("<tbody>", StringComparison.Ordinal)..])
        .Select(m => Cell().Matches(m.Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray()).ToList();

    [GeneratedRegex(@"<text[^>]*>\s*([^<]*?)\s*</text>")]
    private static partial Regex SvgText();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[hd][^>]*>([^<]*)</t[hd]>")]
    private static partial Regex Cell();

    private static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
}
