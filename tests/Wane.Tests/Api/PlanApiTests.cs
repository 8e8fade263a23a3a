using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

public class PlanApiTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static object Kratom(object? start = null, string startDate = "2026-11-25") => new
    {
        substance = "kratom", startAmount = start ?? 12, unit = "g", pace = new { kind = "percent", percent = 10 },
        intervalDays = 7, dosesPerDay = 3, resolution = 0.1, startDate,
    };

    [Fact]
    public async Task Preview_ReturnsStepsAndAdvisoriesWithoutSaving()
    {
        var client = await app.NewUserClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/plans/preview", Kratom());

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var plan = await response.JsonAsync();
        var steps = plan.GetProperty("steps");
        steps[0].GetProperty("dailyTarget").GetDecimal().ShouldBe(12m);
        steps[0].GetProperty("perDoseTarget").GetDecimal().ShouldBe(4m);
        steps[1].GetProperty("from").GetString().ShouldBe("2026-12-02");
        steps[1].GetProperty("dailyTarget").GetDecimal().ShouldBe(10.8m);
        steps[steps.GetArrayLength() - 1].GetProperty("dailyTarget").GetDecimal().ShouldBe(0m);
        plan.GetProperty("advisories").EnumerateArray().Select(a => a.GetProperty("rule").GetString()).ShouldContain("T4");
        (await client.GetAsync("/api/v1/plans/current")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_ThenCurrent_ShowsTodaysAllowanceAndWhatIsLeft()
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);
        var created = await client.PostAsJsonAsync("/api/v1/plans", Kratom());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        await client.LogDoseOkAsync(new { productId = product, amount = 4.5, unit = "g" });

        var plan = await client.GetJsonAsync("/api/v1/plans/current");

        var today = plan.GetProperty("today")[0];
        today.GetProperty("allowance").GetDecimal().ShouldBe(12m);
        today.GetProperty("taken").GetDecimal().ShouldBe(4.5m);
        today.GetProperty("left").GetDecimal().ShouldBe(7.5m);
        today.GetProperty("nextStepDown").GetString().ShouldBe("2026-12-02");
        plan.GetProperty("calendarFeedSince").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await client.GetJsonAsync("/api/v1/status")).GetProperty("plan")[0].GetProperty("left").GetDecimal().ShouldBe(7.5m);
    }

    [Fact]
    public async Task StartAmount_DefaultsToTheOwnAverageOfTheLastSevenDays()
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);
        for (var day = 18; day <= 24; day++)
        {
            await client.LogDoseOkAsync(new { productId = product, amount = 7, unit = "g", takenAt = $"2026-11-{day}T12:00:00Z" });
        }

        var plan = await (await client.PostAsJsonAsync("/api/v1/plans/preview", new { substance = "kratom", pace = new { kind = "linear", amount = 1 } })).JsonAsync();

        plan.GetProperty("steps")[0].GetProperty("dailyTarget").GetDecimal().ShouldBe(7m);
        plan.GetProperty("start").GetString().ShouldBe("2026-11-25");
    }

    [Fact]
    public async Task StartAmount_WithNoHistory_IsNeverInvented()
    {
        var client = await app.NewUserClientAsync();
        var response = await client.PostAsJsonAsync("/api/v1/plans/preview", new { substance = "oxycodone", pace = new { kind = "cdc-short" } });
        await response.ShouldBeProblemNamingAsync("startAmount");
    }

    [Fact]
    public async Task ActivePlan_TodaysTargetBecomesTheGuardrailCap()
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);
        await client.PostAsJsonAsync("/api/v1/plans", Kratom(start: 4));
        await client.LogDoseOkAsync(new { productId = product, amount = 3, unit = "g", takenAt = "2026-11-25T06:00:00Z" });

        var body = await (await client.LogDoseAsync(new { productId = product, amount = 2, unit = "g" })).JsonAsync();

        body.GetProperty("advisories").EnumerateArray()
            .ShouldContain(a => a.GetProperty("rule").GetString() == "R4" && a.GetProperty("message").GetString()!.Contains("plan", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task HoldAndResume_ShiftLaterSteps()
    {
        var client = await app.NewUserClientAsync();
        var plan = await (await client.PostAsJsonAsync("/api/v1/plans", Kratom(startDate: "2026-11-20"))).JsonAsync();
        var id = plan.GetProperty("id").GetInt64();
        plan.GetProperty("steps")[1].GetProperty("from").GetString().ShouldBe("2026-11-27");

        var held = await client.PostAsJsonAsync($"/api/v1/plans/{id}/hold", new { from = "2026-11-23", reason = "rough week" });
        held.StatusCode.ShouldBe(HttpStatusCode.OK, await held.Content.ReadAsStringAsync());
        var heldPlan = await held.JsonAsync();
        heldPlan.GetProperty("today")[0].GetProperty("held").GetBoolean().ShouldBeTrue();
        heldPlan.GetProperty("steps")[1].GetProperty("from").GetString().ShouldBe("2026-11-30"); // 3 held days so far (23–25)
        await (await client.PostAsJsonAsync($"/api/v1/plans/{id}/hold", new { })).ShouldBeProblemNamingAsync("from");

        app.Clock.AdvanceDays(2);
        var resumed = await (await client.PostAsync($"/api/v1/plans/{id}/resume", null)).JsonAsync();
        resumed.GetProperty("holds")[0].GetProperty("to").GetString().ShouldBe("2026-11-26");
        resumed.GetProperty("steps")[1].GetProperty("from").GetString().ShouldBe("2026-12-01");
        app.Clock.AdvanceDays(-2);
    }

    [Fact]
    public async Task Current_PlanStartedOverAYearAgo_KeepsItsOwnStart()
    {
        var client = await app.NewUserClientAsync();
        (await client.PostAsJsonAsync("/api/v1/plans", Kratom())).StatusCode.ShouldBe(HttpStatusCode.Created);

        app.Clock.AdvanceDays(400);
        try
        {
            var plan = await client.GetJsonAsync("/api/v1/plans/current");

            plan.GetProperty("start").GetString().ShouldBe("2026-11-25");
            plan.GetProperty("steps")[1].GetProperty("from").GetString().ShouldBe("2026-12-02");
        }
        finally
        {
            app.Clock.AdvanceDays(-400);
        }
    }

    [Fact]
    public async Task Replan_StartsFromTodayAtTheActualRecentAmount()
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);
        var id = (await (await client.PostAsJsonAsync("/api/v1/plans", Kratom(startDate: "2026-11-10"))).JsonAsync()).GetProperty("id").GetInt64();
        for (var day = 18; day <= 24; day++)
        {
            await client.LogDoseOkAsync(new { productId = product, amount = 9, unit = "g", takenAt = $"2026-11-{day}T12:00:00Z" });
        }

        var replanned = await client.PostAsync($"/api/v1/plans/{id}/replan", null);

        replanned.StatusCode.ShouldBe(HttpStatusCode.OK, await replanned.Content.ReadAsStringAsync());
        var plan = await replanned.JsonAsync();
        plan.GetProperty("id").GetInt64().ShouldNotBe(id);
        plan.GetProperty("start").GetString().ShouldBe("2026-11-25");
        plan.GetProperty("steps")[0].GetProperty("dailyTarget").GetDecimal().ShouldBe(9m);
    }

    [Fact]
    public async Task CalendarFeed_ParsesBackWithIcalNet_AndRevokingTheLinkStopsIt()
    {
        var client = await app.NewUserClientAsync();
        await client.PostAsJsonAsync("/api/v1/breaks", new { from = "2026-12-20", to = "2026-12-22" });
        await client.PostAsJsonAsync("/api/v1/plans", Kratom());
        var url = (await (await client.PostAsync("/api/v1/calendar/revoke", null)).JsonAsync()).GetProperty("calendarUrl").GetString()!;

        var ics = await app.Client().GetStringAsync(new Uri(url).PathAndQuery);
        var calendar = Calendar.Load(ics)!;

        calendar.Events.ShouldContain(e => e.Summary == "kratom: step down to 10.8 g/day" && e.DtStart!.Date == new DateOnly(2026, 12, 2));
        calendar.Events.ShouldContain(e => e.Summary == "Planned break from kratom");
        calendar.Events.ShouldContain(e => e.Summary == "Wane check-in" && e.RecurrenceRule != null);
        calendar.Events.ShouldContain(e => e.Summary!.Contains("reaches zero"));

        var revoked = await (await client.PostAsync("/api/v1/calendar/revoke", null)).JsonAsync();
        revoked.GetProperty("calendarUrl").GetString().ShouldNotBe(url);
        (await app.Client().GetAsync(new Uri(url).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync(new Uri(revoked.GetProperty("calendarUrl").GetString()!).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CalendarFeed_OnlyItsHashIsStored_AndThePlanShowsWhenItWasMadeNotTheUrl()
    {
        var client = await app.NewUserClientAsync();
        await client.PostAsJsonAsync("/api/v1/plans", Kratom());
        var url = (await (await client.PostAsync("/api/v1/calendar/revoke", null)).JsonAsync()).GetProperty("calendarUrl").GetString()!;
        var secret = url[(url.LastIndexOf('/') + 1)..^".ics".Length];

        var plan = await client.GetJsonAsync("/api/v1/plans/current");

        plan.GetProperty("calendarFeedSince").GetString().ShouldBe("2026-11-25T15:00:00Z");
        plan.GetRawText().ShouldNotContain(secret);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<Wane.Data.WaneDb>().CalendarFeeds.Select(f => f.SecretHash).ToListAsync();
        stored.ShouldNotBeEmpty();
        stored.ShouldAllBe(h => h.Length == 64 && !h.Contains(secret));
    }

    public static TheoryData<string, string> BadPlans => new()
    {
        { """{"substance":"kratom","startAmount":0,"pace":{"kind":"percent","percent":10}}""", "startAmount" },
        { """{"substance":"kratom","startAmount":-3,"pace":{"kind":"percent","percent":10}}""", "startAmount" },
        { """{"substance":"kratom","startAmount":12,"pace":{"kind":"percent","percent":0}}""", "pace.percent" },
        { """{"substance":"kratom","startAmount":12,"pace":{"kind":"percent","percent":100}}""", "pace.percent" },
        { """{"substance":"kratom","startAmount":12,"pace":{"kind":"linear","amount":-1}}""", "pace.amount" },
        { """{"substance":"kratom","startAmount":12,"pace":{"kind":"fast"}}""", "pace.kind" },
        { """{"substance":"kratom","startAmount":12,"pace":{"kind":"percent","percent":10},"intervalDays":0}""", "intervalDays" },
        { """{"substance":"kratom","startAmount":12,"pace":{"kind":"percent","percent":10},"resolution":0}""", "resolution" },
        { """{"substance":"kratom","startAmount":12,"pace":{"kind":"percent","percent":10},"resolution":20}""", "resolution" },
        { """{"substance":"kratom","startAmount":12,"pace":{"kind":"linear","amount":0.001},"resolution":0.001}""", "pace" },
        { """{"substance":"heroin","startAmount":12,"pace":{"kind":"percent","percent":10}}""", "substance" },
        { """{"substance":"kratom","unit":"MME","startAmount":12,"pace":{"kind":"percent","percent":10}}""", "unit" },
        { """{"substance":"kratom","startAmount":12,"pace":{"kind":"percent","percent":10},"startDate":"soon"}""", "startDate" },
        { """{"substance":"kratom","startAmount":12,"pace":{"kind":"steps","amounts":[10,11]}}""", "pace.amounts" },
        { """{"phases":[{"substance":"oxycodone","startAmount":30,"pace":{"kind":"cdc-short"}},{"substance":"kratom","startAmount":-1,"pace":{"kind":"percent","percent":10}}]}""", "phases[1].startAmount" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task Create_BadInput_Is400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var client = await app.NewUserClientAsync();

        await (await client.PostRawAsync("/api/v1/plans", json)).ShouldBeProblemNamingAsync(field);

        (await client.GetAsync("/api/v1/plans/current")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TwoPhases_OpioidThenKratom_AreBothPlanned()
    {
        var client = await app.NewUserClientAsync();
        var body = JsonSerializer.Deserialize<JsonElement>("""
            {"phases":[
              {"substance":"oxycodone","startAmount":30,"unit":"mg","pace":{"kind":"cdc-short"},"intervalDays":7,"resolution":2.5,"duration":"weeks-to-months","startDate":"2026-11-25"},
              {"substance":"kratom","startAmount":6,"pace":{"kind":"percent","percent":5},"intervalDays":7,"startDate":"2027-03-01"}]}
            """);

        var response = await client.PostAsJsonAsync("/api/v1/plans/preview", body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var phases = (await response.JsonAsync()).GetProperty("phases");
        phases.GetArrayLength().ShouldBe(2);
        phases[0].GetProperty("unit").GetString().ShouldBe("mg");
        phases[1].GetProperty("steps")[0].GetProperty("from").GetString().ShouldBe("2027-03-01");
    }
}
