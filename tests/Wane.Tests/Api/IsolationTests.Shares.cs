using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

/// <summary>
/// Viewers, across every way in: a revoked or expired share reads nothing through the viewer's API, the <c>/shared/{id}</c>
/// page or a secret link's page, and the COWS a viewer is allowed to enter is the one thing a viewer can change.
/// </summary>
public partial class IsolationTests
{
    private static readonly int[] LowCows = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly string[] AllScopes = ["plan", "checkins", "doses", "notes"];
    private static readonly string[] Parts = ["status", "plan", "checkins", "doses", "trends"];

    [Fact]
    public async Task Viewer_RevokedOrExpiredShare_ReadsNothingAnywhere_AndTheAllowedCowsIsTheOnlyWrite()
    {
        var alice = await app.NewUserClientAsync("America/New_York", "alice-" + Guid.NewGuid().ToString("N")[..6]);
        var product = await alice.CreateProductAsync(Intents.RedBali);
        var dose = (await alice.LogDoseOkAsync(new { productId = product, amount = 2.5, unit = "g", note = "private" })).GetProperty("id").GetInt64();
        var planId = (await (await alice.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 10, pace = new { kind = "percent", percent = 10 } })).JsonAsync()).GetProperty("id").GetInt64();
        var aliceBreak = (await (await alice.PostAsJsonAsync("/api/v1/breaks", new { from = "2026-12-01", to = "2026-12-03" })).JsonAsync()).GetProperty("id").GetInt64();
        (await alice.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 2, sleep = 3, mood = 3, craving = 4, redFlags = new[] { "liver" } } })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var (vic, vicPage, vicName) = await ViewerAsync("vic");
        var (wes, wesPage, wesName) = await ViewerAsync("wes");
        using var _1 = vicPage;
        using var _2 = wesPage;
        var revoked = await ShareAsync(alice, new { to = vicName, scopes = AllScopes, mayEnterCows = true });
        var expiring = await ShareAsync(alice, new { to = wesName, scopes = AllScopes, mayEnterCows = true, expires = "2026-11-25" });
        var revokedLink = await LinkAsync(alice, "2026-12-31");
        var expiringLink = await LinkAsync(alice, "2026-11-25");

        // While live, each way in reads the record (so the 404s below are the revocation's and the expiry's doing).
        foreach (var (viewer, page, id) in new[] { (vic, vicPage, revoked), (wes, wesPage, expiring) })
        {
            foreach (var part in Parts)
            {
                (await viewer.GetAsync($"/api/v1/shared/{id}/{part}")).StatusCode.ShouldBe(HttpStatusCode.OK, part);
            }
            (await page.GetAsync($"/shared/{id}")).Html.ShouldContain("liver");
        }
        foreach (var (_, path) in new[] { revokedLink, expiringLink })
        {
            (await app.Client().GetStringAsync(path)).ShouldContain("liver");
        }

        // Vic's only write: the COWS Alice allowed. Every other write at Alice's records answers 404 and changes nothing.
        var before = await WithoutCheckIns(alice, product, dose);
        var checkInsBefore = (await alice.GetJsonAsync("/api/v1/checkins/")).GetProperty("checkIns").GetArrayLength();
        (await vic.PutAsJsonAsync($"/api/v1/doses/{dose}", new { amount = 9, unit = "g" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.DeleteAsync($"/api/v1/doses/{dose}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.DeleteAsync($"/api/v1/doses/{dose}?purge=true")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.LogDoseAsync(new { productId = product, amount = 1, unit = "g" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.PutAsJsonAsync($"/api/v1/products/{product}", new { name = "Mine now", kind = "kratom", form = "powder" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.PostAsync($"/api/v1/products/{product}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.DeleteAsync($"/api/v1/products/{product}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.PutAsJsonAsync($"/api/v1/products/{product}/favourites", new { favourites = new[] { new { amount = 1, unit = "g" } } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.DeleteAsync($"/api/v1/breaks/{aliceBreak}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.PostAsJsonAsync($"/api/v1/plans/{planId}/hold", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.PostAsync($"/api/v1/plans/{planId}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.PostAsync($"/api/v1/plans/{planId}/replan", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.PostAsync($"/api/v1/plans/{planId}/override-hold", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.DeleteAsync($"/api/v1/shares/{revoked}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await vic.DeleteAsync($"/api/v1/shares/{expiring}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await vic.PostAsJsonAsync($"/api/v1/shared/{revoked}/checkins", new { instrument = "sows", answers = new int[16] })).ShouldBeProblemNamingAsync("instrument");
        await (await vic.PostAsJsonAsync($"/api/v1/shared/{revoked}/checkins", new { instrument = "daily", answers = new { pain = 9, sleep = 1, mood = 1, craving = 9 } })).ShouldBeProblemNamingAsync("instrument");
        (await vic.PostAsJsonAsync($"/api/v1/shared/{expiring}/checkins", new { instrument = "cows", answers = LowCows })).StatusCode.ShouldBe(HttpStatusCode.NotFound); // Wes's share
        (await WithoutCheckIns(alice, product, dose)).ShouldBe(before);
        (await alice.GetJsonAsync("/api/v1/checkins/")).GetProperty("checkIns").GetArrayLength().ShouldBe(checkInsBefore);

        (await vic.PostAsJsonAsync($"/api/v1/shared/{revoked}/checkins", new { instrument = "cows", answers = LowCows })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var added = (await alice.GetJsonAsync("/api/v1/checkins/")).GetProperty("checkIns").EnumerateArray().ToList();
        added.Count.ShouldBe(checkInsBefore + 1);
        added.Where(c => c.GetProperty("enteredBy").ValueKind != JsonValueKind.Null)
            .Select(c => (c.GetProperty("instrument").GetString(), c.GetProperty("score").GetInt32(), c.GetProperty("enteredBy").GetString())).ShouldBe([("cows", 1, vicName)]);
        (await WithoutCheckIns(alice, product, dose)).ShouldBe(before);

        // Revoked at once, and expired at the end of the share's last day in Alice's zone (midnight in New York is 05:00 UTC).
        (await alice.DeleteAsync($"/api/v1/shares/{revoked}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await alice.DeleteAsync($"/api/v1/shares/{revokedLink.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        try
        {
            app.Clock.Reset(Instant.FromUtc(2026, 11, 26, 5, 0));
            foreach (var (viewer, page, id) in new[] { (vic, vicPage, revoked), (wes, wesPage, expiring) })
            {
                foreach (var part in Parts)
                {
                    (await viewer.GetAsync($"/api/v1/shared/{id}/{part}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, part);
                }
                (await viewer.GetJsonAsync("/api/v1/shared")).GetProperty("people").GetArrayLength().ShouldBe(0);
                (await viewer.PostAsJsonAsync($"/api/v1/shared/{id}/checkins", new { instrument = "cows", answers = LowCows })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
                var (response, html) = await page.GetAsync($"/shared/{id}");
                (response.StatusCode, html.Contains("liver", StringComparison.Ordinal)).ShouldBe((HttpStatusCode.NotFound, false));
                var (_, list) = await page.GetAsync("/shared");
                list.ShouldContain("No one shares their record with you at the moment.");
                var (_, ownPage) = await page.GetAsync("/");
                var cows = Enumerable.Range(0, 11).ToDictionary(i => $"Answers[{i}]", i => i == 0 ? "1" : "0");
                (await page.PostFromAsync(ownPage, $"/shared/{id}?handler=Cows", cows)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            }
            foreach (var (id, path) in new[] { revokedLink, expiringLink })
            {
                var link = await app.Client().GetAsync(path);
                (link.StatusCode, (await link.Content.ReadAsStringAsync()).Contains("liver", StringComparison.Ordinal)).ShouldBe((HttpStatusCode.NotFound, false));
                (await app.Client().GetAsync($"/api/v1/shared/{id}/checkins")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            }
            (await alice.GetJsonAsync("/api/v1/shares")).EnumerateArray().Select(s => s.GetProperty("status").GetString()).Order()
                .ShouldBe(["expired", "expired", "revoked", "revoked"]);
            (await alice.GetJsonAsync("/api/v1/checkins/")).GetProperty("checkIns").GetArrayLength().ShouldBe(checkInsBefore + 1);
        }
        finally
        {
            app.Clock.Reset(WaneApp.Now);
        }
        (await WithoutCheckIns(alice, product, dose)).ShouldBe(before);
    }

    private async Task<(HttpClient Api, Browserless Page, string Name)> ViewerAsync(string who)
    {
        var name = who + "-" + Guid.NewGuid().ToString("N")[..6];
        var api = await app.NewUserClientAsync("UTC", name);
        var page = new Browserless(app.BaseAddress);
        await page.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        return (api, page, name);
    }

    private static async Task<long> ShareAsync(HttpClient owner, object body)
    {
        var response = await owner.PostAsJsonAsync("/api/v1/shares", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("share").GetProperty("id").GetInt64();
    }

    private static async Task<(long Id, string Path)> LinkAsync(HttpClient owner, string expires)
    {
        var created = await (await owner.PostAsJsonAsync("/api/v1/shares", new { link = true, expires, scopes = AllScopes })).JsonAsync();
        return (created.GetProperty("share").GetProperty("id").GetInt64(), new Uri(created.GetProperty("url").GetString()!).PathAndQuery);
    }

    /// <summary>The owner's record apart from check-ins (and what follows from them), which a viewer's COWS adds to.</summary>
    private static async Task<string> WithoutCheckIns(HttpClient client, long product, long dose) =>
        (await client.GetJsonAsync($"/api/v1/products/{product}")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/products/")).GetRawText()
        + (await client.GetJsonAsync($"/api/v1/doses/{dose}")).GetRawText()
        + (await client.GetJsonAsync($"/api/v1/doses/{dose}/history")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/doses?from=2026-11-01&to=2026-11-30")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/guardrails")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/breaks/?all=true")).GetRawText()
        + (await client.GetJsonAsync("/api/v1/plans/current")).GetRawText();
}
