using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>The sharing pages without JavaScript: add and revoke, a link and its PIN, the viewer's page and its COWS form, the staff list.</summary>
public partial class SharingPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    private const string Password = "correct horse battery";

    private async Task<(HttpClient Api, Browserless Browser, string Name)> PersonAsync(string who)
    {
        var name = who + "-" + Guid.NewGuid().ToString("N")[..6];
        var api = await app.NewUserClientAsync("UTC", name);
        var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = Password });
        return (api, browser, name);
    }

    [Fact]
    public async Task Link_AddedOnThePage_ShowsItsUrlOnce_AsksThePin_AndStopsWhenRevoked()
    {
        var (api, owner, _) = await PersonAsync("alice");
        using var _1 = owner;
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 2, sleep = 3, mood = 3, craving = 4, note = "my secret", redFlags = new[] { "liver" } } })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var (bad, badHtml) = await owner.SubmitAsync("/sharing", new Dictionary<string, string> { ["Kind"] = "link", ["Expires"] = "2026-11-01", ["Scopes"] = "checkins" }, action: "/sharing?handler=Add");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        badHtml.ShouldContain("id=\"expires-error\"");
        badHtml.ShouldContain("href=\"#expires\"");
        (await api.GetJsonAsync("/api/v1/shares")).GetArrayLength().ShouldBe(0);

        var (ok, html) = await owner.SubmitAsync("/sharing", new Dictionary<string, string>
            { ["Kind"] = "link", ["Label"] = "Dr Lee", ["Expires"] = "2026-12-31", ["Pin"] = "4321", ["Scopes"] = "checkins" }, action: "/sharing?handler=Add");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var url = LinkUrl().Match(html).Groups[1].Value;
        url.ShouldNotBeEmpty();
        var path = new Uri(url).PathAndQuery;
        (await owner.GetAsync("/sharing")).Html.ShouldNotContain(path);

        using var visitor = new Browserless(app.BaseAddress);
        var (_, pinForm) = await visitor.GetAsync(path);
        (pinForm.Contains("name=\"Pin\"", StringComparison.Ordinal), pinForm.Contains("liver", StringComparison.Ordinal)).ShouldBe((true, false));
        var (wrong, wrongHtml) = await visitor.PostFromAsync(pinForm, path, new Dictionary<string, string> { ["Pin"] = "1111" });
        (wrong.StatusCode, wrongHtml.Contains("That PIN is not right", StringComparison.Ordinal)).ShouldBe((HttpStatusCode.BadRequest, true));
        var (right, record) = await visitor.PostFromAsync(pinForm, path, new Dictionary<string, string> { ["Pin"] = "4321" });
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        record.ShouldContain("liver");
        record.ShouldNotContain("my secret");
        record.ShouldContain("has not shared the plan");
        record.ShouldContain("has not shared doses");

        var (_, listed) = await owner.GetAsync("/sharing");
        listed.ShouldContain("Link for Dr Lee");
        listed.ShouldContain(": page</li>");
        var id = (await api.GetJsonAsync("/api/v1/shares"))[0].GetProperty("id").GetInt64();
        var (revoked, _) = await owner.PostFromAsync(listed, "/sharing?handler=Revoke", new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        revoked.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/sharing");
        (await visitor.GetAsync(path)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.PostFromAsync(pinForm, path, new Dictionary<string, string> { ["Pin"] = "4321" })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetJsonAsync($"/api/v1/shares/{id}")).GetProperty("share").GetProperty("status").GetString().ShouldBe("revoked");
    }

    [Fact]
    public async Task LinkPin_AfterFiveWrongTries_WaitsEvenForTheRightOne()
    {
        var (api, owner, _) = await PersonAsync("alice");
        owner.Dispose();
        var url = (await (await api.PostAsJsonAsync("/api/v1/shares", new { link = true, expires = "2026-12-31", pin = "9876", scopes = new[] { "plan" } })).JsonAsync()).GetProperty("url").GetString()!;
        var path = new Uri(url).PathAndQuery;
        using var visitor = new Browserless(app.BaseAddress);
        var (_, form) = await visitor.GetAsync(path);
        for (var i = 0; i < 5; i++)
        {
            (await visitor.PostFromAsync(form, path, new Dictionary<string, string> { ["Pin"] = "000" + i })).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        var (waiting, html) = await visitor.PostFromAsync(form, path, new Dictionary<string, string> { ["Pin"] = "9876" });
        (waiting.StatusCode, html.Contains("Too many wrong PINs", StringComparison.Ordinal)).ShouldBe((HttpStatusCode.BadRequest, true));
        try
        {
            app.Clock.Advance(NodaTime.Duration.FromMinutes(16));
            (await visitor.PostFromAsync(form, path, new Dictionary<string, string> { ["Pin"] = "9876" })).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            app.Clock.Reset(WaneApp.Now);
        }
    }

    [Fact]
    public async Task AccountViewer_SeesTheStaffListAndThePage_AndEntersACowsTheOwnerSeesAsTheirs()
    {
        var (aliceApi, alice, aliceName) = await PersonAsync("alice");
        var (_, staff, staffName) = await PersonAsync("staff");
        using var _1 = alice;
        using var _2 = staff;
        (await aliceApi.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 2, sleep = 3, mood = 3, craving = 4, redFlags = new[] { "seizure" } } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (_, form) = await alice.GetAsync("/sharing");
        (await alice.PostFromAsync(form, "/sharing?handler=Add", new Dictionary<string, string>
            { ["Kind"] = "account", ["To"] = staffName, ["Scopes"] = "checkins", ["MayEnterCows"] = "true" })).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var (_, list) = await staff.GetAsync("/shared");
        list.ShouldContain(aliceName);
        list.ShouldContain("not shared"); // the plan: held, and whether it ends this week
        list.ShouldContain("yes (2026-11-25)"); // the red flag
        (await staff.GetAsync("/shared?days=0")).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var id = ShareLink().Match(list).Groups[1].Value;
        var (_, page) = await staff.GetAsync($"/shared/{id}");
        page.ShouldContain("seizure");
        page.ShouldContain("Enter a COWS");

        var incomplete = await staff.PostFromAsync(page, $"/shared/{id}?handler=Cows", new Dictionary<string, string> { ["Answers[0]"] = "1" });
        incomplete.Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var answers = Enumerable.Range(0, 11).ToDictionary(i => $"Answers[{i}]", i => i < 4 ? "1" : "0");
        var (saved, savedHtml) = await staff.PostFromAsync(page, $"/shared/{id}?handler=Cows", answers);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, savedHtml);
        savedHtml.ShouldContain("COWS saved");

        var (_, checkins) = await alice.GetAsync("/checkins");
        checkins.ShouldContain($"entered by {staffName}");
        (await staff.GetAsync("/shared/999999")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await alice.GetAsync($"/shared/{id}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound); // the owner is not its viewer
    }

    [GeneratedRegex("<code class=\"token\" id=\"new-link\">([^<]+)</code>")]
    private static partial Regex LinkUrl();

    [GeneratedRegex("href=\"/shared/(\\d+)\"")]
    private static partial Regex ShareLink();
}
