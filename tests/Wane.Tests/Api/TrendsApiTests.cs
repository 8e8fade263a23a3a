using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

public class TrendsApiTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task Trends_AcrossFallBackWithPlanAndHold_EachDayEqualsTheDayAndThePlansTarget()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        var opioid = await client.CreateProductAsync(new { name = "Morphine", kind = "opioid", form = "tablet", opioid = "morphine", mgPerTablet = 15 });
        var plan = await (await client.PostAsJsonAsync("/api/v1/plans", new
        {
            substance = "kratom", startAmount = 12, unit = "g", pace = new { kind = "percent", percent = 10 },
            intervalDays = 7, dosesPerDay = 3, resolution = 0.1, startDate = "2026-10-22",
        })).JsonAsync();
        var id = plan.GetProperty("id").GetInt64();
        (await client.PostAsJsonAsync($"/api/v1/plans/{id}/hold", new { from = "2026-11-10", reason = "rough week" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Clock.AdvanceDays(-10);
        try
        {
            (await client.PostAsync($"/api/v1/plans/{id}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            app.Clock.AdvanceDays(10);
        }
        // Around the fall-back night (01:00–02:00 happens twice on 1 November) and at the edges of local days.
        await client.LogDoseOkAsync(new { productId = kratom, amount = 3, unit = "g", takenAt = "2026-11-01T03:59:00Z" }); // 23:59 EDT, 31 Oct
        await client.LogDoseOkAsync(new { productId = kratom, amount = 2, unit = "g", takenAt = "2026-11-01T05:30:00Z" }); // 01:30 EDT
        await client.LogDoseOkAsync(new { productId = kratom, amount = 2.5, unit = "g", takenAt = "2026-11-01T06:30:00Z" }); // 01:30 EST
        await client.LogDoseOkAsync(new { productId = kratom, amount = 4, unit = "g", takenAt = "2026-11-02T04:59:00Z" }); // 23:59 EST, 1 Nov
        await client.LogDoseOkAsync(new { productId = opioid, amount = 1, unit = "tablet", takenAt = "2026-11-02T05:00:00Z" }); // 00:00 EST, 2 Nov
        for (var day = 3; day <= 24; day += 3)
        {
            await client.LogDoseOkAsync(new { productId = kratom, amount = 9 - (day / 4m), unit = "g", takenAt = $"2026-11-{day:00}T14:00:00Z" });
        }
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", takenAt = "2026-11-01T06:45:00Z", answers = Enumerable.Repeat(0, 15).Prepend(3) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", takenAt = "2026-11-02T04:30:00Z", answers = new { pain = 4, sleep = 3, mood = 3, craving = 6 } })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var trends = await client.GetJsonAsync("/api/v1/trends?from=2026-10-15&to=2026-11-30");
        var current = await client.GetJsonAsync("/api/v1/plans/current");
        var steps = current.GetProperty("steps").EnumerateArray().ToArray();
        var hold = current.GetProperty("holds")[0];
        hold.GetProperty("to").GetString().ShouldBe("2026-11-14");

        var days = trends.GetProperty("days").EnumerateArray().ToArray();
        days.Length.ShouldBe(47);
        days[0].GetProperty("date").GetString().ShouldBe("2026-10-15");
        days[^1].GetProperty("date").GetString().ShouldBe("2026-11-30");
        for (var i = 0; i < days.Length; i++)
        {
            var date = DateOnly.ParseExact(days[i].GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            date.ShouldBe(new DateOnly(2026, 10, 15).AddDays(i));
            var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var day = await client.GetJsonAsync($"/api/v1/days/{text}");
            Totals(days[i]).ShouldBe(Totals(day), text);
            Target(days[i]).ShouldBe(PlanTarget(steps, text), text);
            days[i].GetProperty("held").GetBoolean().ShouldBe(string.CompareOrdinal(text, "2026-11-10") >= 0 && string.CompareOrdinal(text, "2026-11-14") <= 0, text);
        }
        Totals(Day(days, "2026-10-31")).ShouldBe("kratom 3 g");
        Totals(Day(days, "2026-11-01")).ShouldBe("kratom 8.5 g");
        Totals(Day(days, "2026-11-02")).ShouldBe("opioid 15 MME");
        Day(days, "2026-11-02").GetProperty("kratomFree").GetBoolean().ShouldBeTrue();
        Day(days, "2026-11-01").GetProperty("kratomFree").GetBoolean().ShouldBeFalse();
        Day(days, "2026-10-20").GetProperty("kratomFree").GetBoolean().ShouldBeFalse(); // before the first dose Wane knows of
        Day(days, "2026-11-27").GetProperty("kratomFree").GetBoolean().ShouldBeFalse(); // after today
        Day(days, "2026-11-01").GetProperty("sows").GetInt32().ShouldBe(3);
        Day(days, "2026-11-01").GetProperty("pain").GetInt32().ShouldBe(4); // 23:30 EST on 1 November
        Day(days, "2026-11-01").GetProperty("craving").GetInt32().ShouldBe(6);
        Day(days, "2026-11-02").GetProperty("pain").ValueKind.ShouldBe(JsonValueKind.Null);
        Day(days, "2026-10-21").GetProperty("target").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Trends_AcrossSpringForwardWithPlanAndHold_EachDayEqualsTheDayAndThePlansTarget()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        var opioid = await client.CreateProductAsync(new { name = "Morphine", kind = "opioid", form = "tablet", opioid = "morphine", mgPerTablet = 15 });
        JsonElement trends, current;
        try
        {
            // The plan is made, held and resumed in March, and read on 14 March: 8 March 2026 has 23 hours in New York.
            app.Clock.Reset(NodaTime.Instant.FromUtc(2026, 3, 6, 15, 0));
            var plan = await (await client.PostAsJsonAsync("/api/v1/plans", new
            {
                substance = "kratom", startAmount = 12, unit = "g", pace = new { kind = "percent", percent = 10 },
                intervalDays = 7, dosesPerDay = 3, resolution = 0.1, startDate = "2026-03-01",
            })).JsonAsync();
            var id = plan.GetProperty("id").GetInt64();
            (await client.PostAsJsonAsync($"/api/v1/plans/{id}/hold", new { from = "2026-03-05", reason = "clocks change" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            app.Clock.Reset(NodaTime.Instant.FromUtc(2026, 3, 9, 15, 0));
            (await client.PostAsync($"/api/v1/plans/{id}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            app.Clock.Reset(NodaTime.Instant.FromUtc(2026, 3, 14, 15, 0));
            await client.LogDoseOkAsync(new { productId = kratom, amount = 3, unit = "g", takenAt = "2026-03-08T04:59:00Z" }); // 23:59 EST, 7 Mar
            await client.LogDoseOkAsync(new { productId = kratom, amount = 1, unit = "g", takenAt = "2026-03-08T05:00:00Z" }); // 00:00 EST, 8 Mar
            await client.LogDoseOkAsync(new { productId = kratom, amount = 2, unit = "g", takenAt = "2026-03-08T06:59:00Z" }); // 01:59 EST
            await client.LogDoseOkAsync(new { productId = kratom, amount = 2.5, unit = "g", takenAt = "2026-03-08T07:00:00Z" }); // 03:00 EDT: 02:00-03:00 never happens
            await client.LogDoseOkAsync(new { productId = kratom, amount = 4, unit = "g", takenAt = "2026-03-09T03:59:00Z" }); // 23:59 EDT, 8 Mar
            await client.LogDoseOkAsync(new { productId = opioid, amount = 1, unit = "tablet", takenAt = "2026-03-09T04:00:00Z" }); // 00:00 EDT, 9 Mar
            for (var day = 10; day <= 14; day += 2)
            {
                await client.LogDoseOkAsync(new { productId = kratom, amount = day / 2m, unit = "g", takenAt = $"2026-03-{day:00}T14:00:00Z" });
            }
            (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", takenAt = "2026-03-08T07:30:00Z", answers = Enumerable.Repeat(0, 15).Prepend(2) })).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", takenAt = "2026-03-09T03:30:00Z", answers = new { pain = 5, sleep = 3, mood = 3, craving = 4 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
            trends = await client.GetJsonAsync("/api/v1/trends?from=2026-02-25&to=2026-03-20");
            current = await client.GetJsonAsync("/api/v1/plans/current");
            var steps = current.GetProperty("steps").EnumerateArray().ToArray();
            current.GetProperty("holds")[0].GetProperty("to").GetString().ShouldBe("2026-03-08");
            var days = trends.GetProperty("days").EnumerateArray().ToArray();
            days.Length.ShouldBe(24);
            for (var i = 0; i < days.Length; i++)
            {
                var text = new DateOnly(2026, 2, 25).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                days[i].GetProperty("date").GetString().ShouldBe(text);
                Totals(days[i]).ShouldBe(Totals(await client.GetJsonAsync($"/api/v1/days/{text}")), text);
                Target(days[i]).ShouldBe(PlanTarget(steps, text), text);
                days[i].GetProperty("held").GetBoolean().ShouldBe(string.CompareOrdinal(text, "2026-03-05") >= 0 && string.CompareOrdinal(text, "2026-03-08") <= 0, text);
            }
            Totals(Day(days, "2026-03-07")).ShouldBe("kratom 3 g");
            Totals(Day(days, "2026-03-08")).ShouldBe("kratom 9.5 g");
            Totals(Day(days, "2026-03-09")).ShouldBe("opioid 15 MME");
            Day(days, "2026-03-09").GetProperty("kratomFree").GetBoolean().ShouldBeTrue();
            Day(days, "2026-03-08").GetProperty("sows").GetInt32().ShouldBe(2);
            (Day(days, "2026-03-08").GetProperty("pain").GetInt32(), Day(days, "2026-03-08").GetProperty("craving").GetInt32()).ShouldBe((5, 4)); // 23:30 EDT on 8 March
            Day(days, "2026-02-28").GetProperty("target").ValueKind.ShouldBe(JsonValueKind.Null);
        }
        finally
        {
            app.Clock.Reset(WaneApp.Now);
        }
    }

    [Fact]
    public async Task Trends_WithoutDates_AreTheLast14DaysEndingToday_WithNoTargetWithoutAPlan()
    {
        var client = await app.NewUserClientAsync("Europe/London");

        var trends = await client.GetJsonAsync("/api/v1/trends");

        trends.GetProperty("from").GetString().ShouldBe("2026-11-12");
        trends.GetProperty("to").GetString().ShouldBe("2026-11-25");
        var days = trends.GetProperty("days").EnumerateArray().ToArray();
        days.Length.ShouldBe(14);
        days.ShouldAllBe(d => d.GetProperty("target").ValueKind == JsonValueKind.Null && !d.GetProperty("kratomFree").GetBoolean());
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=tomorrow", "to")]
    [InlineData("from=2026-11-20&to=2026-11-10", "to")]
    [InlineData("from=2023-01-01&to=2026-11-25", "from")]
    [InlineData("from=2023-11-25&to=2026-11-25", "from")] // three years and a day
    [InlineData("from=2024-02-28&to=2027-02-28", "from")]
    [InlineData("from=1899-12-31", "from")]
    public async Task Trends_BadRange_Is400NamingTheField(string query, string field)
    {
        var client = await app.NewUserClientAsync();
        await (await client.GetAsync($"/api/v1/trends?{query}")).ShouldBeProblemNamingAsync(field);
    }

    [Theory]
    [InlineData("2023-11-26", "2026-11-25", 1096)] // with 29 February 2024
    [InlineData("2024-02-29", "2027-02-28", 1096)]
    [InlineData("2024-03-01", "2027-02-28", 1095)]
    public async Task Trends_ExactlyThreeYearsBothDatesCounting_IsAllowed(string from, string to, int days)
    {
        var client = await app.NewUserClientAsync();
        var trends = await client.GetJsonAsync($"/api/v1/trends?from={from}&to={to}");
        trends.GetProperty("days").GetArrayLength().ShouldBe(days);
    }

    [Fact]
    public async Task Trends_ADayOverThreeYears_SaysTheEarliestStart()
    {
        var client = await app.NewUserClientAsync();
        var response = await client.GetAsync("/api/v1/trends?from=2023-11-25&to=2026-11-25");
        await response.ShouldBeProblemNamingAsync("from");
        (await response.JsonAsync()).GetProperty("errors").GetProperty("from")[0].GetString()
            .ShouldBe("Ask for at most three years at a time, both dates counting: for a range ending 2026-11-25, start on 2023-11-26 or later.");
    }

    private static JsonElement Day(JsonElement[] days, string date) => days.Single(d => d.GetProperty("date").GetString() == date);

    private static string Totals(JsonElement day) => string.Join("|", day.GetProperty("totals").EnumerateArray().Select(t =>
        $"{t.GetProperty("kind").GetString()} {t.GetProperty("amount").GetDecimal().ToString("0.####", CultureInfo.InvariantCulture)} {t.GetProperty("unit").GetString()}"));

    private static string? Target(JsonElement day) => day.GetProperty("target") is { ValueKind: JsonValueKind.Object } t
        ? $"{t.GetProperty("amount").GetDecimal().ToString(CultureInfo.InvariantCulture)} {t.GetProperty("unit").GetString()}"
        : null;

    /// <summary>The step of the plan's schedule that covers <paramref name="date"/>: null before it starts, the last (zero) step after it ends.</summary>
    private static string? PlanTarget(JsonElement[] steps, string date)
    {
        if (string.CompareOrdinal(date, steps[0].GetProperty("from").GetString()) < 0)
        {
            return null;
        }
        var step = steps.FirstOrDefault(s => string.CompareOrdinal(date, s.GetProperty("to").GetString()) <= 0);
        var chosen = step.ValueKind == JsonValueKind.Undefined ? steps[^1] : step;
        return $"{chosen.GetProperty("dailyTarget").GetDecimal().ToString(CultureInfo.InvariantCulture)} g";
    }
}
