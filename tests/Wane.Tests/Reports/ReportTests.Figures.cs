using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Reports;

/// <summary>
/// The report's figures read back from the PDF's text and the HTML: an override of a hold with its reason, an S3
/// lost-tolerance danger, the daily ratings' values, and each step's adherence worked out here from the plan and the doses.
/// </summary>
public partial class ReportTests
{
    /// <summary>Kratom (UTC noon) by day of November 2026, against a plan from 6 g on 4 Nov, 1 g less a week.</summary>
    private static readonly Dictionary<int, decimal> Kratom = new() { [4] = 5, [5] = 7, [6] = 6, [11] = 5.5m, [12] = 4, [13] = 4.5m, [20] = 3, [24] = 3.5m };

    [Fact]
    public async Task Summary_PdfAndHtml_CarryTheOverrideWithItsReason_AnS3Danger_TheRatings_AndEachStepsAdherence()
    {
        var client = await app.NewUserClientAsync("UTC");
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        var morphine = await client.CreateProductAsync(new { name = "Morphine", kind = "opioid", form = "tablet", opioid = "morphine", mgPerTablet = 15 });
        foreach (var (day, amount) in Kratom)
        {
            await client.LogDoseOkAsync(new { productId = kratom, amount, unit = "g", takenAt = $"2026-11-{day:00}T12:00:00Z" });
        }
        foreach (var day in new[] { 1, 2, 3 })
        {
            await client.LogDoseOkAsync(new { productId = morphine, amount = 1, unit = "tablet", takenAt = $"2026-11-0{day}T08:00:00Z" });
        }
        var s3 = await (await client.LogDoseAsync(new { productId = morphine, amount = 1, unit = "tablet", takenAt = "2026-11-08T08:00:00Z" })).JsonAsync(); // after 5 days without
        var plan = await (await client.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 6, pace = new { kind = "linear", amount = 1 }, intervalDays = 7, startDate = "2026-11-04" })).JsonAsync();
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", takenAt = "2026-11-22T09:00:00Z", answers = new[] { 2, 2, 2, 2, 2, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", takenAt = "2026-11-23T20:15:00Z", answers = new { pain = 3, sleep = 4, mood = 2, craving = 7 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsync($"/api/v1/plans/{plan.GetProperty("id").GetInt64()}/override-hold", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The S3 danger as the dose was told it, and each step's adherence from the plan's own dates and the doses above.
        var s3Advice = s3.GetProperty("advisories").EnumerateArray();
        var pdf = await PdfTextAsync(await client.GetByteArrayAsync("/api/v1/reports/summary" + Period, TestContext.Current.CancellationToken));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/summary" + Period);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var steps = (await client.GetJsonAsync("/api/v1/plans/current")).GetProperty("phases")[0].GetProperty("steps").EnumerateArray().ToList();
        var held = (await client.GetJsonAsync("/api/v1/trends" + Period)).GetProperty("days").EnumerateArray()
            .Where(d => d.GetProperty("held").GetBoolean()).Select(d => d.GetProperty("date").GetString()!).ToHashSet();
        held.ShouldContain("2026-11-22");
        steps.Count(s => string.CompareOrdinal(s.GetProperty("from").GetString(), "2026-11-25") <= 0).ShouldBe(3); // 6 g, 5 g, then 4 g lengthened by the hold

        var pdfText = Regex.Replace(pdf, @"\s+", " ");
        pdfText.ShouldContain("Bars: daily total (g);"); // the plan's unit, though the period's first days are morphine (MME)
        pdfText.ShouldNotContain(" MME Bars:");
        foreach (var text in new[] { pdfText, Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ") })
        {
            text.ShouldContain("2026-11-25 2026-11-25 override You chose to go on with the plan despite the hold from a SOWS of 15 on 2026-11-22.");
            text.ShouldContain("2026-11-08 08:00 S3 ");
            text.ShouldContain("2026-11-23 20:15 3 4 2 7");
            foreach (var step in steps.Where(s => string.CompareOrdinal(s.GetProperty("from").GetString(), "2026-11-25") <= 0))
            {
                text.ShouldMatch(Adherence(step, held));
            }
        }
        s3Advice.Select(a => (a.GetProperty("rule").GetString(), a.GetProperty("level").GetString())).ShouldContain(("S3", "danger"));
        var title = s3Advice.First(a => a.GetProperty("rule").GetString() == "S3").GetProperty("title").GetString()!;
        pdfText.ShouldContain($"2026-11-08 08:00 S3 {title}");
        html.ShouldContain($"{title}:");
    }

    /// <summary>
    /// A pattern of a step's row as the report writes it: dates, target, days counted, days at or under, mean taken, days
    /// held (pdftotext may close up the space before a unit).
    /// </summary>
    private static string Adherence(System.Text.Json.JsonElement step, HashSet<string> held)
    {
        var from = DateOnly.ParseExact(step.GetProperty("from").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(step.GetProperty("to").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var target = step.GetProperty("dailyTarget").GetDecimal();
        var counted = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)
            .Where(d => d >= new DateOnly(2026, 11, 1) && d <= new DateOnly(2026, 11, 25)).ToList();
        var actual = counted.Select(d => Kratom.GetValueOrDefault(d.Day)).ToList();
        string F(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
        var mean = actual.Count == 0 ? "–" : $"{F(Math.Round(actual.Average(), 2))} ?g";
        var days = counted.Count(d => held.Contains(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return Regex.Escape($"{from:yyyy-MM-dd} → {to:yyyy-MM-dd} {F(target)}") + $" ?g {counted.Count} {actual.Count(a => a <= target)} {mean} {days}( |$)";
    }
}
