using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

/// <summary>One person can neither read nor change another's data through any API endpoint.</summary>
public partial class IsolationTests(WaneApp app) : IClassFixture<WaneApp>
{
    /// <summary>Every API endpoint, as "METHOD template". A new endpoint must be added here, with its isolation check below.</summary>
    private static readonly string[] Covered =
    [
        "GET /api/v1/me", "PUT /api/v1/me",
        "GET /api/v1/products/", "POST /api/v1/products/", "GET /api/v1/products/{id:long}", "PUT /api/v1/products/{id:long}",
        "POST /api/v1/doses", "GET /api/v1/doses", "GET /api/v1/doses/{id:long}", "PUT /api/v1/doses/{id:long}",
        "DELETE /api/v1/doses/{id:long}", "GET /api/v1/doses/{id:long}/history", "GET /api/v1/days/{date}",
        "POST /api/v1/doses/preview", "GET /api/v1/guardrails", "PUT /api/v1/guardrails",
        "GET /api/v1/breaks/", "POST /api/v1/breaks/", "DELETE /api/v1/breaks/{id:long}", "GET /api/v1/status",
        "POST /api/v1/plans/preview", "POST /api/v1/plans/", "GET /api/v1/plans/current", "POST /api/v1/plans/{id:long}/hold",
        "POST /api/v1/plans/{id:long}/resume", "POST /api/v1/plans/{id:long}/replan", "POST /api/v1/calendar/revoke",
        "POST /api/v1/plans/{id:long}/override-hold", "POST /api/v1/checkins/", "GET /api/v1/checkins/",
        "POST /api/v1/doses/repeat", "POST /api/v1/doses/repeat/preview", "PUT /api/v1/products/{id:long}/favourites",
        "GET /api/v1/export", "GET /api/v1/export/fhir", "POST /api/v1/import", "GET /api/v1/trends",
        "POST /api/v1/me/delete", "POST /api/v1/products/{id:long}/archive", "POST /api/v1/products/{id:long}/unarchive", "DELETE /api/v1/products/{id:long}",
        "GET /api/v1/reports/summary",
        "POST /api/v1/shares", "GET /api/v1/shares", "GET /api/v1/shares/{id:long}", "DELETE /api/v1/shares/{id:long}", "GET /api/v1/shared",
        "GET /api/v1/shared/{id:long}/status", "GET /api/v1/shared/{id:long}/plan", "GET /api/v1/shared/{id:long}/checkins",
        "GET /api/v1/shared/{id:long}/doses", "GET /api/v1/shared/{id:long}/trends", "POST /api/v1/shared/{id:long}/checkins",
    ];

    [Fact]
    public void EveryApiEndpoint_IsCoveredByTheIsolationTest()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        routes.ShouldBe(Covered, ignoreOrder: true);
    }

    [Fact]
    public async Task SecondUser_CanNeitherReadNorChangeTheFirstUsersData()
    {
        var alice = await app.NewUserClientAsync("America/New_York", "alice-" + Guid.NewGuid().ToString("N")[..6]);
        var product = await alice.CreateProductAsync(Intents.RedBali);
        var aliceUnused = await alice.CreateProductAsync(new { name = "Never used", kind = "kratom", form = "powder" });
        var dose = (await alice.LogDoseOkAsync(new { productId = product, amount = 2.5, unit = "g", note = "private" })).GetProperty("id").GetInt64();
        await alice.PutAsJsonAsync($"/api/v1/doses/{dose}", new { amount = 3, unit = "g", note = "private" });
        (await alice.PutAsJsonAsync("/api/v1/guardrails", new Dictionary<string, object> { ["R1"] = new { values = new { interval = 5 } } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var aliceBreak = (await (await alice.PostAsJsonAsync("/api/v1/breaks", new { from = "2026-12-01", to = "2026-12-03" })).JsonAsync()).GetProperty("id").GetInt64();
        var alicePlan = (await (await alice.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 10, pace = new { kind = "percent", percent = 10 } })).JsonAsync());
        var planId = alicePlan.GetProperty("id").GetInt64();
        var aliceCalendar = new Uri((await (await alice.PostAsync("/api/v1/calendar/revoke", null)).JsonAsync()).GetProperty("calendarUrl").GetString()!).PathAndQuery;
        (await alice.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = new[] { 4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var vicName = "vic-" + Guid.NewGuid().ToString("N")[..6];
        var vic = await app.NewUserClientAsync("UTC", vicName);
        var aliceShare = (await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = vicName, scopes = new[] { "plan" } })).JsonAsync()).GetProperty("share").GetProperty("id").GetInt64();
        var aliceLink = (await (await alice.PostAsJsonAsync("/api/v1/shares", new { link = true, expires = "2026-12-31", pin = "2468", scopes = new[] { "checkins" } })).JsonAsync());
        var aliceLinkId = aliceLink.GetProperty("share").GetProperty("id").GetInt64();
        var aliceLinkPath = new Uri(aliceLink.GetProperty("url").GetString()!).PathAndQuery;
        var aliceBefore = await Snapshot(alice, product, dose);
        var aliceShares = (await alice.GetJsonAsync("/api/v1/shares")).GetRawText();

        // The viewer reads only the plan, and changes nothing: not the share, not a COWS (not allowed), not Alice's records.
        (await vic.GetJsonAsync($"/api/v1/shared/{aliceShare}/plan")).GetProperty("steps").GetArrayLength().ShouldBeGreaterThan(0);
        (await vic.GetJsonAsync($"/api/v1/shared/{aliceShare}/status")).GetProperty("lastDose").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await vic.GetAsync($"/api/v1/shared/{aliceShare}/checkins")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.GetAsync($"/api/v1/shared/{aliceShare}/doses")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.GetJsonAsync($"/api/v1/shared/{aliceShare}/trends?from=2026-11-25&to=2026-11-25")).GetProperty("days")[0].GetProperty("totals").GetArrayLength().ShouldBe(0);
        (await vic.GetAsync($"/api/v1/shared/{aliceLinkId}/status")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // a link is no account's
        (await vic.PostAsJsonAsync($"/api/v1/shared/{aliceShare}/checkins", new { instrument = "cows", answers = new[] { 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 } })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await vic.DeleteAsync($"/api/v1/shares/{aliceShare}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.GetAsync($"/api/v1/shares/{aliceShare}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.GetAsync($"/api/v1/doses/{dose}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.GetJsonAsync("/api/v1/checkins/?from=2026-11-01&to=2026-11-30")).GetProperty("checkIns").GetArrayLength().ShouldBe(0);
        // A link without its PIN shows the PIN form only (no record), and gives no API access.
        var linkPage = await (await app.Client().GetAsync(aliceLinkPath)).Content.ReadAsStringAsync();
        (linkPage.Contains("name=\"Pin\"", StringComparison.Ordinal), linkPage.Contains("16/64", StringComparison.Ordinal)).ShouldBe((true, false));
        (await app.Client().GetAsync($"/api/v1/shared/{aliceLinkId}/checkins")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var aliceToday = (await alice.GetJsonAsync("/api/v1/trends?from=2026-11-25&to=2026-11-25")).GetProperty("days")[0];
        (aliceToday.GetProperty("totals").GetArrayLength(), aliceToday.GetProperty("sows").ValueKind).ShouldBe((1, System.Text.Json.JsonValueKind.Number));

        var bob = await app.NewUserClientAsync("UTC", "bob-" + Guid.NewGuid().ToString("N")[..6]);
        (await bob.GetJsonAsync("/api/v1/me")).GetProperty("name").GetString().ShouldStartWith("bob-");
        (await bob.PutAsJsonAsync("/api/v1/me", new { timeZone = "Europe/Paris" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bob.GetJsonAsync("/api/v1/products/")).GetArrayLength().ShouldBe(0);
        (await bob.GetAsync($"/api/v1/products/{product}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PutAsJsonAsync($"/api/v1/products/{product}", new { name = "Mine now", kind = "kratom", form = "powder" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PostAsync($"/api/v1/products/{product}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PostAsync($"/api/v1/products/{product}/unarchive", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.DeleteAsync($"/api/v1/products/{product}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.DeleteAsync($"/api/v1/products/{aliceUnused}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.LogDoseAsync(new { productId = product, amount = 1, unit = "g" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.GetJsonAsync("/api/v1/doses?from=2026-11-01&to=2026-11-30")).GetProperty("doses").GetArrayLength().ShouldBe(0);
        (await bob.GetAsync($"/api/v1/doses/{dose}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PutAsJsonAsync($"/api/v1/doses/{dose}", new { amount = 9, unit = "g" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.DeleteAsync($"/api/v1/doses/{dose}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.DeleteAsync($"/api/v1/doses/{dose}?purge=true")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.GetAsync($"/api/v1/doses/{dose}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.GetJsonAsync("/api/v1/days/2026-11-25")).GetProperty("doses").GetArrayLength().ShouldBe(0);
        (await bob.PostAsJsonAsync("/api/v1/doses/preview", new { productId = product, amount = 1, unit = "g" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PostAsJsonAsync("/api/v1/doses/repeat", new { productId = product })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PostAsJsonAsync("/api/v1/doses/repeat/preview", new { productId = product })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PostAsJsonAsync("/api/v1/doses/repeat", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // none of bob's own to repeat
        (await bob.PutAsJsonAsync($"/api/v1/products/{product}/favourites", new { favourites = new[] { new { amount = 1, unit = "g" } } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.GetJsonAsync("/api/v1/guardrails")).GetProperty("rules")[0].GetProperty("parameters")[0].GetProperty("value").GetDecimal().ShouldBe(6m);
        (await bob.PutAsJsonAsync("/api/v1/guardrails", new Dictionary<string, object> { ["R1"] = new { enabled = false } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bob.GetJsonAsync("/api/v1/breaks/?all=true")).GetArrayLength().ShouldBe(0);
        var bobTrends = await bob.GetJsonAsync("/api/v1/trends?from=2026-11-01&to=2026-11-30");
        bobTrends.GetProperty("days").EnumerateArray().ShouldAllBe(d => d.GetProperty("totals").GetArrayLength() == 0
            && d.GetProperty("target").ValueKind == System.Text.Json.JsonValueKind.Null && d.GetProperty("sows").ValueKind == System.Text.Json.JsonValueKind.Null);
        var bobStatus = await bob.GetJsonAsync("/api/v1/status");
        bobStatus.GetProperty("lastDose").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        bobStatus.GetProperty("totals").GetArrayLength().ShouldBe(0);
        bobStatus.GetProperty("nextBreak").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await bob.DeleteAsync($"/api/v1/breaks/{aliceBreak}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PostAsJsonAsync("/api/v1/breaks", new { from = "2026-12-05", to = "2026-12-06" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await bob.GetAsync("/api/v1/plans/current")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PostAsJsonAsync($"/api/v1/plans/{planId}/hold", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PostAsync($"/api/v1/plans/{planId}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PostAsync($"/api/v1/plans/{planId}/replan", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PostAsJsonAsync("/api/v1/plans/preview", new { substance = "kratom", pace = new { kind = "linear", amount = 1 } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bob.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 5, pace = new { kind = "linear", amount = 1 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await bob.PostAsync($"/api/v1/plans/{planId}/override-hold", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.GetJsonAsync("/api/v1/checkins/?from=2026-11-01&to=2026-11-30")).GetProperty("checkIns").GetArrayLength().ShouldBe(0);
        (await bob.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 1, sleep = 3, mood = 3, craving = 1 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await bob.GetJsonAsync("/api/v1/shares")).GetArrayLength().ShouldBe(0);
        (await bob.GetAsync($"/api/v1/shares/{aliceShare}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.DeleteAsync($"/api/v1/shares/{aliceShare}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.DeleteAsync($"/api/v1/shares/{aliceLinkId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.GetJsonAsync("/api/v1/shared")).GetProperty("people").GetArrayLength().ShouldBe(0);
        foreach (var part in new[] { "status", "plan", "checkins", "doses", "trends" })
        {
            (await bob.GetAsync($"/api/v1/shared/{aliceShare}/{part}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await bob.PostAsJsonAsync($"/api/v1/shared/{aliceShare}/checkins", new { instrument = "cows", answers = new[] { 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.PostAsJsonAsync("/api/v1/shares", new { to = vicName, scopes = new[] { "doses" } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await vic.GetJsonAsync("/api/v1/shared")).GetProperty("people").GetArrayLength().ShouldBe(2); // Alice's and Bob's own, apart
        var bobCalendar = (await (await bob.PostAsync("/api/v1/calendar/revoke", null)).JsonAsync()).GetProperty("calendarUrl").GetString()!;
        bobCalendar.ShouldNotContain(aliceCalendar);
        var bobsOwn = await bob.CreateProductAsync(Intents.RedBali);
        (await bob.PutAsJsonAsync($"/api/v1/doses/{dose}", new { productId = bobsOwn, amount = 1, unit = "g" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var bobExport = await (await bob.GetAsync("/api/v1/export")).Content.ReadAsStringAsync();
        var bobRecord = System.Text.Json.JsonDocument.Parse(bobExport).RootElement;
        bobRecord.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ShouldBe([bobsOwn]);
        bobRecord.GetProperty("doses").GetArrayLength().ShouldBe(0);
        bobRecord.GetProperty("doseChanges").GetArrayLength().ShouldBe(0);
        bobRecord.GetProperty("checkIns").GetArrayLength().ShouldBe(1);
        bobExport.ShouldNotContain("private");
        var bobCsv = await (await bob.GetAsync("/api/v1/export?format=csv&table=doses")).Content.ReadAsStringAsync();
        bobCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);

        var aliceReport = await Reports.ReportTests.PdfTextAsync(await alice.GetByteArrayAsync("/api/v1/reports/summary?from=2026-11-01&to=2026-11-30"));
        (aliceReport.Contains("3 g kratom", StringComparison.Ordinal), aliceReport.Contains("16/64", StringComparison.Ordinal)).ShouldBe((true, true));
        var bobReport = await Reports.ReportTests.PdfTextAsync(await bob.GetByteArrayAsync("/api/v1/reports/summary?from=2026-11-01&to=2026-11-30"));
        (bobReport.Contains("3 g kratom", StringComparison.Ordinal), bobReport.Contains("16/64", StringComparison.Ordinal), bobReport.Contains("private", StringComparison.Ordinal)).ShouldBe((false, false, false));

        var bobFhir = await bob.GetJsonAsync("/api/v1/export/fhir?from=2026-11-01&to=2026-11-30");
        var bobResources = bobFhir.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        bobResources.Select(r => r.GetProperty("resourceType").GetString()).ShouldNotContain("MedicationStatement");
        bobResources.Where(r => r.GetProperty("resourceType").GetString() == "QuestionnaireResponse") // Bob's one daily check-in
            .Select(r => r.GetProperty("questionnaire").GetString()).ShouldBe(["urn:wane:fhir:Questionnaire:daily"]);
        bobFhir.GetRawText().ShouldNotContain("private");
        bobResources.Where(r => r.GetProperty("resourceType").GetString() == "CarePlan") // Bob's own plan, from 5 g
            .ShouldAllBe(r => r.GetProperty("activity")[0].GetProperty("detail").GetProperty("dailyAmount").GetProperty("value").GetDecimal() == 5m);

        // Bob imports Alice's whole export (ids, client ids and all): it lands in Bob's record only.
        var aliceExport = await (await alice.GetAsync("/api/v1/export")).Content.ReadAsByteArrayAsync();
        var imported = await bob.PostAsync("/api/v1/import?format=wane&validOnly=true", new ByteArrayContent(aliceExport) { Headers = { ContentType = new("application/json") } });
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await bob.DoseCountAsync()).ShouldBe(1);
        (await bob.GetJsonAsync("/api/v1/doses?from=2026-11-01&to=2026-11-30")).GetProperty("doses")[0].GetProperty("id").GetInt64().ShouldNotBe(dose);

        (await Snapshot(alice, product, dose)).ShouldBe(aliceBefore);
        (await alice.GetJsonAsync("/api/v1/shares")).GetRawText().ShouldNotBe(aliceShares); // only lastViewedAt moved:
        (await alice.GetJsonAsync("/api/v1/shares")).EnumerateArray().Select(x => (x.GetProperty("status").GetString(), x.GetProperty("scopes").GetRawText()))
            .ShouldBe([("active", "[\"checkins\"]"), ("active", "[\"plan\"]")]);
        (await alice.GetJsonAsync($"/api/v1/products/{aliceUnused}")).GetProperty("archived").GetBoolean().ShouldBeFalse();
        (await alice.GetJsonAsync("/api/v1/me")).GetProperty("timeZone").GetString().ShouldBe("America/New_York");
        (await app.Client().GetAsync(aliceCalendar)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Bob's deletion reaches only Bob: a wrong password deletes nothing, the right one deletes Bob and leaves Alice whole.
        (await bob.PostAsJsonAsync("/api/v1/me/delete", new { password = "alice's, perhaps" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bob.PostAsJsonAsync("/api/v1/me/delete", new { password = "correct horse battery" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await bob.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Snapshot(alice, product, dose)).ShouldBe(aliceBefore);
        (await alice.GetJsonAsync("/api/v1/products/")).GetArrayLength().ShouldBe(2);
        (await app.Client().GetAsync(aliceCalendar)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> Snapshot(HttpClient client, long product, long dose) =>
        (await client.GetJsonAsync($"/api/v1/products/{product}")).GetRawText()
        + (await client.GetJsonAsync($"/api/v1/doses/{dose}")).GetRawText()
        + (await client.GetJsonAsync($"/api/v1/doses/{dose}/history")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/days/2026-11-25")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/guardrails")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/breaks/?all=true")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/status")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/trends?from=2026-11-01&to=2026-11-30")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/plans/current")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/checkins/?from=2026-11-01&to=2026-11-30")).GetRawText();
}
