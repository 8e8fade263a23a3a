using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>The History page's month grid: each day's totals are the day's totals, kratom-free days and today are marked in words, strains by day.</summary>
public partial class HistoryPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task MonthGrid_AcrossFallBack_EachDayShowsTheDaysTotals_FreeDaysAndToday()
    {
        using var api = await app.NewUserClientAsync("America/New_York", "calendar");
        var red = await api.CreateProductAsync(Intents.RedBali);
        var green = await api.CreateProductAsync(new { name = "Green Maeng Da", kind = "kratom", form = "powder", strain = "green" });
        var plain = await api.CreateProductAsync(new { name = "Capsules", kind = "kratom", form = "capsule", gramsPerCapsule = 0.5 });
        var opioid = await api.CreateProductAsync(new { name = "Morphine", kind = "opioid", form = "tablet", opioid = "morphine", mgPerTablet = 15 });
        await api.LogDoseOkAsync(new { productId = red, amount = 3, unit = "g", takenAt = "2026-10-30T09:00:00-04:00" });
        await api.LogDoseOkAsync(new { productId = red, amount = 2, unit = "g", takenAt = "2026-11-01T05:30:00Z" }); // 01:30 EDT, 1 Nov
        await api.LogDoseOkAsync(new { productId = green, amount = 2.5, unit = "g", takenAt = "2026-11-01T06:30:00Z" }); // 01:30 EST, 1 Nov
        await api.LogDoseOkAsync(new { productId = red, amount = 4, unit = "g", takenAt = "2026-11-02T04:59:00Z" }); // 23:59 EST, 1 Nov
        await api.LogDoseOkAsync(new { productId = opioid, amount = 1, unit = "tablet", takenAt = "2026-11-02T05:00:00Z" }); // 00:00, 2 Nov: no kratom
        for (var day = 3; day <= 25; day++)
        {
            if (day is 9 or 10)
            {
                continue; // kratom-free
            }
            var product = day % 3 == 0 ? green : day % 3 == 1 ? red : plain;
            await api.LogDoseOkAsync(new { productId = product, amount = product == plain ? 6 : 2 + (day % 4), unit = product == plain ? "capsule" : "g", takenAt = $"2026-11-{day:00}T08:00:00-05:00" });
        }
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = "calendar", ["Password"] = "correct horse battery" });

        var (response, html) = await browser.GetAsync("/history?month=2026-11");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var trends = (await api.GetJsonAsync("/api/v1/trends?from=2026-11-01&to=2026-11-30")).GetProperty("days").EnumerateArray().ToArray();
        var cells = Cells(html);
        cells.Count.ShouldBe(30);
        foreach (var day in trends)
        {
            var date = day.GetProperty("date").GetString()!;
            var cell = cells[date];
            var expected = (await api.GetJsonAsync($"/api/v1/days/{date}")).GetProperty("totals").EnumerateArray()
                .Select(t => $"{t.GetProperty("kind").GetString()}:{t.GetProperty("amount").GetDecimal().ToString("0.####", CultureInfo.InvariantCulture)} {t.GetProperty("unit").GetString()}");
            cell.Totals.ShouldBe(expected, date);
            cell.Free.ShouldBe(day.GetProperty("kratomFree").GetBoolean(), date);
            cell.Body.Contains(">free<", StringComparison.Ordinal).ShouldBe(cell.Free, date);
        }
        cells["2026-11-01"].Totals.ShouldBe(["kratom:8.5 g"]);
        cells["2026-11-02"].Free.ShouldBeTrue();
        cells["2026-11-09"].Free.ShouldBeTrue();
        cells["2026-11-26"].Free.ShouldBeFalse(); // tomorrow: nothing can be said yet
        cells["2026-11-25"].Today.ShouldBeTrue();
        cells["2026-11-25"].Body.ShouldContain(">today<");
        cells.Values.Count(c => c.Today).ShouldBe(1);
        cells["2026-11-01"].Strains.ShouldBe(["red", "green"]);
        cells["2026-11-05"].Strains.ShouldBe(["Capsul…"]);
        html.ShouldContain("<time datetime=\"2026-11-01\">Sun 1</time>: red (Red Bali), green (Green Maeng Da)");
        html.ShouldContain("Capsules (no strain set)");
        html.ShouldContain("red on 8 days; green on 8 days; Capsules on 7 days."); // 1 Nov counts for red and green
        html.ShouldContain("Today is outlined");
        html.ShouldContain("href=\"/history?month=2026-10\" rel=\"prev\">← October 2026</a>");
        html.ShouldNotContain("rel=\"next\"");
        html.ShouldContain("(3 this month)"); // 2, 9 and 10 November
        html.IndexOf("id=\"h-2026-11-25\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("id=\"h-2026-11-01\"", StringComparison.Ordinal));

        var (_, october) = await browser.GetAsync("/history?month=2026-10");
        Cells(october).Count.ShouldBe(31);
        Cells(october)["2026-10-30"].Totals.ShouldBe(["kratom:3 g"]);
        Cells(october)["2026-10-29"].Free.ShouldBeFalse(); // before the first dose Wane knows of
        october.ShouldContain("href=\"/history?month=2026-11\" rel=\"next\">November 2026 →</a>");
        october.ShouldNotContain("Today is outlined");
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("1899-12")]
    [InlineData("november")]
    public async Task MonthGrid_MalformedMonth_Is400NamingTheField_AndShowsThisMonth(string month)
    {
        using var api = await app.NewUserClientAsync("UTC", "badmonth" + month.Length + month[^1]);
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = "badmonth" + month.Length + month[^1], ["Password"] = "correct horse battery" });

        var (response, html) = await browser.GetAsync($"/history?month={month}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"month-error\"");
        html.ShouldContain("November 2026");
    }

    private sealed record Cell(IReadOnlyList<string> Totals, IReadOnlyList<string> Strains, bool Free, bool Today, string Body);

    private static Dictionary<string, Cell> Cells(string html) => DayCell().Matches(html).ToDictionary(
        m => Regex.Match(m.Groups["body"].Value, "datetime=\"([0-9-]+)\"").Groups[1].Value,
        m => new Cell(
            Total().Matches(m.Groups["body"].Value).Select(t => $"{t.Groups[1].Value}:{WebUtility.HtmlDecode(t.Groups[2].Value)}").ToArray(),
            Strain().Matches(m.Groups["body"].Value).Select(s => WebUtility.HtmlDecode(s.Groups[1].Value)).ToArray(),
            m.Groups["class"].Value.Split(' ').Contains("free"),
            m.Groups["class"].Value.Split(' ').Contains("today") && m.Groups["attrs"].Value.Contains("aria-current=\"date\"", StringComparison.Ordinal),
            m.Groups["body"].Value));

    [GeneratedRegex("<td class=\"(?<class>day[^\"]*)\"(?<attrs>[^>]*)>(?<body>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex DayCell();

    [GeneratedRegex("<span class=\"t\" data-kind=\"([a-z]+)\">([^<]+)</span>")]
    private static partial Regex Total();

    [GeneratedRegex("<span class=\"s\">([^<]+)</span>")]
    private static partial Regex Strain();
}
