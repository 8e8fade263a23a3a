using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Sharing;

/// <summary>Sharing through the API: the owner's terms, the viewer's scoped reads, revocation and expiry, the one write a viewer may make.</summary>
public class SharingApiTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static string Name(string who) => who + "-" + Guid.NewGuid().ToString("N")[..6];

    private static readonly int[] Sows = [4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly int[] Cows = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];

    /// <summary>A person with a plan, doses with a private note, a SOWS and a daily check-in with a red flag and a note.</summary>
    private async Task<HttpClient> PersonAsync(string name)
    {
        var owner = await app.NewUserClientAsync("America/New_York", name);
        var product = await owner.CreateProductAsync(Intents.RedBali);
        await owner.LogDoseOkAsync(new { productId = product, amount = 2.5, unit = "g", note = "secret dose note" });
        (await owner.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 10, pace = new { kind = "percent", percent = 10 }, startDate = "2026-11-20" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await owner.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = Sows })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await owner.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 2, sleep = 3, mood = 3, craving = 4, note = "secret check-in note", redFlags = new[] { "liver" } } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        return owner;
    }

    [Fact]
    public async Task AddShare_BadInput_NamesTheFieldAndStoresNothing()
    {
        var alice = await app.NewUserClientAsync("UTC", Name("alice"));
        var aliceName = (await alice.GetJsonAsync("/api/v1/me")).GetProperty("name").GetString();
        var bobName = Name("bob");
        using var bob = await app.NewUserClientAsync("UTC", bobName);
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName, scopes = new[] { "plan", "everything" } })).ShouldBeProblemNamingAsync("scopes[1]");
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName, scopes = Array.Empty<string>() })).ShouldBeProblemNamingAsync("scopes");
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName, scopes = new[] { "plan" }, expires = "2026-11-24" })).ShouldBeProblemNamingAsync("expires");
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName, scopes = new[] { "plan" }, expires = "25/11/2026" })).ShouldBeProblemNamingAsync("expires");
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = "nobody-" + Guid.NewGuid().ToString("N"), scopes = new[] { "plan" } })).ShouldBeProblemNamingAsync("to");
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = aliceName, scopes = new[] { "plan" } })).ShouldBeProblemNamingAsync("to");
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName, link = true, scopes = new[] { "plan" }, expires = "2026-12-01" })).ShouldBeProblemNamingAsync("to");
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { link = true, scopes = new[] { "plan" } })).ShouldBeProblemNamingAsync("expires");
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { link = true, scopes = new[] { "plan" }, expires = "2028-01-01" })).ShouldBeProblemNamingAsync("expires");
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { link = true, scopes = new[] { "plan" }, expires = "2026-12-01", pin = "12a4" })).ShouldBeProblemNamingAsync("pin");
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName, scopes = new[] { "plan" }, pin = "1234" })).ShouldBeProblemNamingAsync("pin");
        await (await alice.PostAsJsonAsync("/api/v1/shares", new { link = true, scopes = new[] { "plan" }, expires = "2026-12-01", mayEnterCows = true })).ShouldBeProblemNamingAsync("mayEnterCows");
        await (await alice.PostRawAsync("/api/v1/shares", "{\"to\": 5, \"scopes\": [\"plan\"]}")).ShouldBeProblemNamingAsync("to");
        (await alice.GetJsonAsync("/api/v1/shares")).GetArrayLength().ShouldBe(0);

        (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName, scopes = new[] { "plan" } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName.ToUpperInvariant(), scopes = new[] { "doses" } })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await alice.GetJsonAsync("/api/v1/shares")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Viewer_ReadsOnlyTheSharedScopes_AndEachReadIsLogged()
    {
        var aliceName = Name("alice");
        var alice = await PersonAsync(aliceName);
        var bobName = Name("bob");
        var bob = await app.NewUserClientAsync("UTC", bobName);
        var created = await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName, scopes = new[] { "plan", "checkins" } })).JsonAsync();
        created.GetProperty("url").ValueKind.ShouldBe(JsonValueKind.Null);
        var id = created.GetProperty("share").GetProperty("id").GetInt64();

        var status = await bob.GetJsonAsync($"/api/v1/shared/{id}/status");
        status.GetProperty("owner").GetString().ShouldBe(aliceName);
        status.GetProperty("plan").GetArrayLength().ShouldBe(1);
        status.GetProperty("plan")[0].GetProperty("taken").ValueKind.ShouldBe(JsonValueKind.Null);
        (status.GetProperty("lastDose").ValueKind, status.GetProperty("totals").ValueKind, status.GetProperty("advisories").ValueKind)
            .ShouldBe((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null));
        status.GetProperty("lastCheckIn").GetString().ShouldBe("2026-11-25");

        var plan = await bob.GetJsonAsync($"/api/v1/shared/{id}/plan");
        plan.GetProperty("steps").EnumerateArray().ShouldAllBe(s => s.GetProperty("meanActual").ValueKind == JsonValueKind.Null);
        plan.GetProperty("days").EnumerateArray().ShouldAllBe(d => d.GetProperty("actual").ValueKind == JsonValueKind.Null);
        var checkins = await bob.GetJsonAsync($"/api/v1/shared/{id}/checkins");
        checkins.GetProperty("checkIns").GetArrayLength().ShouldBe(2);
        checkins.GetProperty("redFlags")[0].GetProperty("flags")[0].GetString().ShouldBe("liver");
        checkins.GetRawText().ShouldNotContain("secret");
        (await bob.GetAsync($"/api/v1/shared/{id}/doses")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var trends = await bob.GetJsonAsync($"/api/v1/shared/{id}/trends?from=2026-11-25&to=2026-11-25");
        var day = trends.GetProperty("days")[0];
        (day.GetProperty("totals").GetArrayLength(), day.GetProperty("sows").GetInt32(), day.GetProperty("target").ValueKind).ShouldBe((0, 16, JsonValueKind.Object));
        await (await bob.GetAsync($"/api/v1/shared/{id}/plan?from=yesterday")).ShouldBeProblemNamingAsync("from");

        var log = await alice.GetJsonAsync($"/api/v1/shares/{id}");
        log.GetProperty("accessLog").EnumerateArray().Select(a => a.GetProperty("what").GetString()).ShouldBe(["trends", "checkins", "plan", "status"]);
        log.GetProperty("share").GetProperty("lastViewedAt").GetString().ShouldNotBeNull();

        // Doses and notes, shared: the amounts and the notes appear.
        var carolName = Name("carol");
        var carol = await app.NewUserClientAsync("UTC", carolName);
        var all = (await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = carolName, scopes = new[] { "doses", "notes", "checkins" } })).JsonAsync()).GetProperty("share").GetProperty("id").GetInt64();
        var doses = await carol.GetJsonAsync($"/api/v1/shared/{all}/doses");
        (doses.GetProperty("doses")[0].GetProperty("amount").GetDecimal(), doses.GetProperty("doses")[0].GetProperty("note").GetString()).ShouldBe((2.5m, "secret dose note"));
        (await carol.GetJsonAsync($"/api/v1/shared/{all}/checkins")).GetRawText().ShouldContain("secret check-in note");
        (await carol.GetAsync($"/api/v1/shared/{all}/plan")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await carol.GetAsync($"/api/v1/shared/{id}/status")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // Bob's share, not Carol's
    }

    [Fact]
    public async Task RevokedOrExpiredShare_ReadsNothingAtOnce()
    {
        var alice = await PersonAsync(Name("alice"));
        var bobName = Name("bob");
        var bob = await app.NewUserClientAsync("UTC", bobName);
        var id = (await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName, scopes = new[] { "plan", "checkins", "doses" }, expires = "2026-11-25" })).JsonAsync())
            .GetProperty("share").GetProperty("id").GetInt64();
        (await bob.GetJsonAsync("/api/v1/shared")).GetProperty("people").GetArrayLength().ShouldBe(1);
        (await bob.GetAsync($"/api/v1/shared/{id}/doses")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await alice.DeleteAsync($"/api/v1/shares/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        foreach (var part in new[] { "status", "plan", "checkins", "doses", "trends" })
        {
            (await bob.GetAsync($"/api/v1/shared/{id}/{part}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await bob.PostAsJsonAsync($"/api/v1/shared/{id}/checkins", new { instrument = "cows", answers = Cows })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.GetJsonAsync("/api/v1/shared")).GetProperty("people").GetArrayLength().ShouldBe(0);
        (await alice.GetJsonAsync($"/api/v1/shares/{id}")).GetProperty("share").GetProperty("status").GetString().ShouldBe("revoked");

        // Alice's days are New York's: the share's last day ends at midnight there (05:00 UTC on the 26th).
        var again = (await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName, scopes = new[] { "plan" }, expires = "2026-11-25" })).JsonAsync())
            .GetProperty("share").GetProperty("id").GetInt64();
        (await bob.GetAsync($"/api/v1/shared/{again}/plan")).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            app.Clock.Reset(Instant.FromUtc(2026, 11, 26, 5, 0));
            (await bob.GetAsync($"/api/v1/shared/{again}/plan")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await alice.GetJsonAsync($"/api/v1/shares/{again}")).GetProperty("share").GetProperty("status").GetString().ShouldBe("expired");
        }
        finally
        {
            app.Clock.Reset(WaneApp.Now);
        }
    }

    [Fact]
    public async Task Viewer_MayEnterACowsOnlyWhenAllowed_RecordedAsByThem()
    {
        var alice = await PersonAsync(Name("alice"));
        var bobName = Name("bob");
        var bob = await app.NewUserClientAsync("UTC", bobName);
        var carolName = Name("carol");
        var carol = await app.NewUserClientAsync("UTC", carolName);
        var allowed = (await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = bobName, scopes = new[] { "checkins" }, mayEnterCows = true })).JsonAsync()).GetProperty("share").GetProperty("id").GetInt64();
        var readOnly = (await (await alice.PostAsJsonAsync("/api/v1/shares", new { to = carolName, scopes = new[] { "checkins" } })).JsonAsync()).GetProperty("share").GetProperty("id").GetInt64();
        var before = (await alice.GetJsonAsync("/api/v1/checkins/")).GetProperty("checkIns").GetArrayLength();

        await (await bob.PostAsJsonAsync($"/api/v1/shared/{allowed}/checkins", new { instrument = "sows", answers = Sows })).ShouldBeProblemNamingAsync("instrument");
        await (await bob.PostAsJsonAsync($"/api/v1/shared/{allowed}/checkins", new { instrument = "cows", answers = new[] { 1, 2 } })).ShouldBeProblemNamingAsync("answers");
        (await carol.PostAsJsonAsync($"/api/v1/shared/{readOnly}/checkins", new { instrument = "cows", answers = Cows })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await carol.PostAsJsonAsync($"/api/v1/shared/{allowed}/checkins", new { instrument = "cows", answers = Cows })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await alice.GetJsonAsync("/api/v1/checkins/")).GetProperty("checkIns").GetArrayLength().ShouldBe(before);

        var entered = await bob.PostAsJsonAsync($"/api/v1/shared/{allowed}/checkins", new { instrument = "cows", answers = Cows });
        entered.StatusCode.ShouldBe(HttpStatusCode.Created, await entered.Content.ReadAsStringAsync());
        (await entered.JsonAsync()).GetProperty("enteredBy").GetString().ShouldBe(bobName);
        var list = (await alice.GetJsonAsync("/api/v1/checkins/")).GetProperty("checkIns");
        list.GetArrayLength().ShouldBe(before + 1);
        list.EnumerateArray().Single(c => c.GetProperty("instrument").GetString() == "cows").GetProperty("enteredBy").GetString().ShouldBe(bobName);
        list.EnumerateArray().Where(c => c.GetProperty("instrument").GetString() != "cows").ShouldAllBe(c => c.GetProperty("enteredBy").ValueKind == JsonValueKind.Null);
        (await carol.GetJsonAsync($"/api/v1/shared/{readOnly}/checkins")).GetProperty("checkIns").EnumerateArray()
            .Single(c => c.GetProperty("instrument").GetString() == "cows").GetProperty("enteredBy").GetString().ShouldBe(bobName);
    }

    [Fact]
    public async Task StaffList_ShowsEachFigureOnlyWhereItsScopeWasShared()
    {
        var staffName = Name("staff");
        var staff = await app.NewUserClientAsync("UTC", staffName);
        var alice = await PersonAsync(Name("alice"));
        var quiet = await app.NewUserClientAsync("UTC", Name("quiet"));
        (await alice.PostAsJsonAsync("/api/v1/shares", new { to = staffName, scopes = new[] { "plan", "checkins" } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await quiet.PostAsJsonAsync("/api/v1/shares", new { to = staffName, scopes = new[] { "doses" } })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var list = await staff.GetJsonAsync("/api/v1/shared");
        list.GetProperty("days").GetInt32().ShouldBe(3);
        var people = list.GetProperty("people").EnumerateArray().ToList();
        people.Count.ShouldBe(2);
        var a = people[0];
        (a.GetProperty("held").GetBoolean(), a.GetProperty("redFlagLast7Days").GetBoolean(), a.GetProperty("notCheckedIn").GetBoolean(), a.GetProperty("daysSinceCheckIn").GetInt32())
            .ShouldBe((true, true, false, 0)); // the SOWS of 16 holds the plan
        a.GetProperty("planEnd").GetString().ShouldNotBeNull();
        var q = people[1];
        new[] { "held", "redFlagLast7Days", "notCheckedIn", "planEndsSoon", "lastCheckIn" }.ShouldAllBe(p => q.GetProperty(p).ValueKind == JsonValueKind.Null);
        await (await staff.GetAsync("/api/v1/shared?days=0")).ShouldBeProblemNamingAsync("days");
        (await staff.GetJsonAsync("/api/v1/shared?days=1")).GetProperty("people")[0].GetProperty("notCheckedIn").GetBoolean().ShouldBeFalse();
    }
}
