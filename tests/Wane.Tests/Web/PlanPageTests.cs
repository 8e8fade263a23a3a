using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>The plan page agrees with itself: its hold state, the rounding sentence and the printable sheet. "Today" is 2026-11-25.</summary>
public partial class PlanPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    private async Task<(HttpClient Api, Browserless Browser)> SignedInWithPlanAsync(string name, decimal resolution = 0.1m, int percent = 10)
    {
        var api = await app.NewUserClientAsync("UTC", name);
        var created = await api.PostAsJsonAsync("/api/v1/plans", new
        {
            substance = "kratom", startAmount = 10, unit = "g", pace = new { kind = "percent", percent },
            intervalDays = 7, dosesPerDay = 1, resolution, startDate = "2026-11-25",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        return (api, browser);
    }

    [Fact]
    public async Task PlanPage_NotHeld_OffersHoldAndNoResume()
    {
        var (api, browser) = await SignedInWithPlanAsync("steady");
        using (api)
        using (browser)
        {
            var (_, html) = await browser.GetAsync("/plan");
            html.ShouldContain("Hold (stabilise)");
            html.ShouldNotContain("id=\"plan-held\"");
            html.ShouldNotContain(">Resume<");
        }
    }

    [Fact]
    public async Task PlanPage_HeldByThePerson_SaysWhyAndOffersResumeNotHold()
    {
        var (api, browser) = await SignedInWithPlanAsync("holder");
        using (api)
        using (browser)
        {
            var (_, held) = await browser.SubmitAsync("/plan", new Dictionary<string, string>(), "/plan?handler=Hold");

            held.ShouldNotContain("Hold (stabilise)");
            held.ShouldContain("id=\"plan-held\"");
            held.ShouldContain("You put it on hold on 2026-11-25 (held from the plan page).");
            held.ShouldContain(">Resume<");
            held.ShouldNotContain("Go on with the plan anyway");

            var (_, resumed) = await browser.SubmitAsync("/plan", new Dictionary<string, string>(), "/plan?handler=Resume");
            resumed.ShouldContain("Hold (stabilise)");
            resumed.ShouldNotContain("id=\"plan-held\"");
        }
    }

    [Fact]
    public async Task PlanPage_HeldByWithdrawalScores_SaysWhyAndOffersOverrideNotHold()
    {
        var (api, browser) = await SignedInWithPlanAsync("scored");
        using (api)
        using (browser)
        {
            var answers = Enumerable.Repeat(1, 16).ToArray(); // SOWS 16: at or above the default threshold of 11
            (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers })).StatusCode.ShouldBe(HttpStatusCode.Created);

            var (_, html) = await browser.GetAsync("/plan");

            html.ShouldNotContain("Hold (stabilise)");
            html.ShouldContain("Withdrawal scores hold it. Your latest SOWS, 16 of 64");
            html.ShouldContain("Go on with the plan anyway");
            html.ShouldNotContain(">Resume<");

            var (_, overridden) = await browser.SubmitAsync("/plan", new Dictionary<string, string>(), "/plan?handler=Override");
            overridden.ShouldContain("Hold (stabilise)");
            overridden.ShouldNotContain("Withdrawal scores hold it");
        }
    }

    [Fact]
    public async Task PlanPage_RoundingMakesLastStepsLonger_SaysWhyNextToThem()
    {
        var (api, browser) = await SignedInWithPlanAsync("rounded", resolution: 0.5m);
        using (api)
        using (browser)
        {
            var plan = await api.GetJsonAsync("/api/v1/plans/current");
            var steps = plan.GetProperty("steps").EnumerateArray().ToArray();
            var longer = steps.Where(s => s.GetProperty("longerByRounding").GetBoolean()).ToArray();
            longer.ShouldNotBeEmpty();
            plan.GetProperty("phases")[0].GetProperty("roundingNote").GetString()!.ShouldStartWith("Some steps last longer than 7 days because every amount is rounded to what you can measure (0.5 g): near the end a 10% cut is less than 0.5 g");

            var (_, html) = await browser.GetAsync("/plan");
            MarkedRows().Count(html).ShouldBe(longer.Length);
            html.ShouldContain("<p class=\"rounding-note\" id=\"rounding-0\">");
        }
    }

    [Fact]
    public async Task PlanPage_FineResolution_NoRoundingSentence()
    {
        var (api, browser) = await SignedInWithPlanAsync("fine", resolution: 0.1m, percent: 50);
        using (api)
        using (browser)
        {
            var (_, html) = await browser.GetAsync("/plan");
            html.ShouldNotContain("rounding-note");
        }
    }

    [Fact]
    public async Task PrintableSchedule_HasATickBoxForEveryDayItCovers()
    {
        var (api, browser) = await SignedInWithPlanAsync("printer", resolution: 0.5m);
        using (api)
        using (browser)
        {
            var plan = await api.GetJsonAsync("/api/v1/plans/current");
            var end = NodaTime.LocalDate.FromDateTime(DateTime.Parse(plan.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            var days = NodaTime.Period.DaysBetween(new NodaTime.LocalDate(2026, 11, 25), end) + 1;
            days.ShouldBeGreaterThan(100); // far more than the 14 boxes a step row once had

            var (_, html) = await browser.GetAsync("/plan");

            var sheet = html[html.IndexOf("class=\"print-only tick-sheet\"", StringComparison.Ordinal)..];
            DayCells().Count(sheet).ShouldBe(days);
            sheet.ShouldContain("data-date=\"2026-11-25\"");
            sheet.ShouldContain($"data-date=\"{end:yyyy-MM-dd}\"");
            sheet.ShouldContain($"({days} days)");
        }
    }

    [GeneratedRegex("<tr data-longer=\"rounding\">")]
    private static partial Regex MarkedRows();

    [GeneratedRegex("<td data-date=\"\\d{4}-\\d{2}-\\d{2}\"><span class=\"tick\"></span>")]
    private static partial Regex DayCells();
}
