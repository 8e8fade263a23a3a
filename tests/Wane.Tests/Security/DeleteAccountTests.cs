using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Security;

/// <summary>Deleting one's account on the profile page and over the API: only with the password, and every session and token ends at once.</summary>
public class DeleteAccountTests(WaneApp app) : IClassFixture<WaneApp>
{
    private const string Password = "correct horse battery";

    private async Task<(string Name, HttpClient Api, Browserless Browser, string Calendar)> PersonAsync()
    {
        var name = "del-" + Guid.NewGuid().ToString("N")[..8];
        var api = await app.NewUserClientAsync("UTC", name);
        var product = await api.CreateProductAsync(Intents.RedBali);
        await api.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g", note = "mine" });
        var calendar = new Uri((await (await api.PostAsync("/api/v1/calendar/revoke", null)).JsonAsync()).GetProperty("calendarUrl").GetString()!).PathAndQuery;
        var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = Password });
        (await browser.LandsOnAsync("/")).ShouldBe("/");
        return (name, api, browser, calendar);
    }

    [Theory]
    [InlineData("""{"password":"not my password"}""")]
    [InlineData("""{"password":""}""")]
    [InlineData("""{"password":null}""")]
    [InlineData("""{}""")]
    public async Task DeleteMe_WrongOrMissingPassword_Answers400NamingPasswordAndDeletesNothing(string body)
    {
        var (_, api, browser, _) = await PersonAsync();
        using var _a = api;
        using var _b = browser;
        var before = await RowCounts.OfAsync(app.DataDir);

        var response = await api.PostRawAsync("/api/v1/me/delete", body);

        await response.ShouldBeProblemNamingAsync("password");
        (await RowCounts.OfAsync(app.DataDir)).ShouldBe(before, RowCounts.Describe(before));
        (await api.DoseCountAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"password":12345678}""")]
    [InlineData("""["correct horse battery"]""")]
    public async Task DeleteMe_MalformedBody_Answers400AndDeletesNothing(string body)
    {
        var (_, api, browser, _) = await PersonAsync();
        using var _a = api;
        using var _b = browser;

        var response = await api.PostRawAsync("/api/v1/me/delete", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.DoseCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task DeleteMe_RightPassword_Answers204AndEndsEveryTokenSessionAndFeedAtOnce()
    {
        // Someone else stays on the instance, so it is not empty afterwards (an empty one offers /setup instead of /signin).
        using var bystander = await app.NewUserClientAsync("UTC", "stay-" + Guid.NewGuid().ToString("N")[..8]);
        var (name, api, browser, calendar) = await PersonAsync();
        using var _a = api;
        using var _b = browser;
        var cookie = browser.CookieHeader;
        (await Replay.GetAsync(app.BaseAddress, cookie)).Status.ShouldBe(HttpStatusCode.OK);

        (await api.PostAsJsonAsync("/api/v1/me/delete", new { password = Password })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.PostAsJsonAsync("/api/v1/me/delete", new { password = Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var replayed = await Replay.GetAsync(app.BaseAddress, cookie);
        replayed.Status.ShouldBe(HttpStatusCode.Redirect);
        replayed.Location.ShouldBe("/signin");
        (await app.Client().GetAsync(calendar)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var again = new Browserless(app.BaseAddress);
        await again.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = Password });
        (await again.LandsOnAsync("/")).ShouldBe("/signin");
        (await bystander.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProfilePage_ShowsWhatIsLostAndSuggestsExportingFirst()
    {
        var (_, api, browser, _) = await PersonAsync();
        using var _a = api;
        using var _b = browser;

        var (_, html) = await browser.GetAsync("/profile");

        var section = html[html.IndexOf("id=\"delete-account\"", StringComparison.Ordinal)..];
        section.ShouldContain("cannot be undone");
        section.ShouldContain("every dose you logged");
        section.ShouldContain("href=\"/profile#export\"");
        section.ShouldContain("action=\"/account/delete\"");
        section.ShouldContain("type=\"password\"");
        html.IndexOf("id=\"export\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("id=\"delete-account\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not my password")]
    [InlineData("")]
    public async Task ProfilePage_WrongPassword_SaysSoAndDeletesNothing(string typed)
    {
        var (_, api, browser, _) = await PersonAsync();
        using var _a = api;
        using var _b = browser;
        var before = await RowCounts.OfAsync(app.DataDir);

        var (response, html) = await browser.SubmitAsync("/profile", new Dictionary<string, string> { ["Password"] = typed }, action: "/account/delete");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"password-error\"");
        html.ShouldContain("nothing was deleted");
        (await RowCounts.OfAsync(app.DataDir)).ShouldBe(before);
        (await browser.LandsOnAsync("/")).ShouldBe("/");
    }

    [Fact]
    public async Task ProfilePage_RightPassword_SignsOutAndLandsOnAPageSayingItIsDone()
    {
        using var bystander = await app.NewUserClientAsync("UTC", "stay-" + Guid.NewGuid().ToString("N")[..8]);
        var (_, api, browser, _) = await PersonAsync();
        using var _a = api;
        using var _b = browser;
        var cookie = browser.CookieHeader;

        var (response, html) = await browser.SubmitAsync("/profile", new Dictionary<string, string> { ["Password"] = Password }, action: "/account/delete");

        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/deleted");
        html.ShouldContain("Your account is deleted");
        (await browser.LandsOnAsync("/")).ShouldBe("/signin");
        (await Replay.GetAsync(app.BaseAddress, cookie)).Location.ShouldBe("/signin");
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DeleteMe_WithoutAToken_Answers401()
    {
        using var anonymous = app.Client();
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wane_not-a-token");

        (await anonymous.PostAsJsonAsync("/api/v1/me/delete", new { password = Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
