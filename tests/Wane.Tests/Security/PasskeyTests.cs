using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Tests.Support;
using static Wane.Tests.Security.Replay;

namespace Wane.Tests.Security;

/// <summary>
/// Passkeys over real HTTP, with a software authenticator answering the server's real WebAuthn options: adding one,
/// signing in with one (a session like a password's, no authenticator code), renaming and removing only one's own,
/// bad answers refused with a message and nothing stored, and the admin's <c>wane user passkeys-off</c>.
/// </summary>
public sealed partial class PasskeyTests(WaneApp app) : IClassFixture<WaneApp>
{
    private const string Password = "correct horse battery";

    private string Origin => app.BaseAddress.GetLeftPart(UriPartial.Authority);

    private async Task<(string Name, Browserless Browser)> SignedInAsync()
    {
        var name = "pk-" + Guid.NewGuid().ToString("N")[..8];
        using var _ = await app.NewUserClientAsync("UTC", name);
        var browser = new Browserless(app.BaseAddress);
        (await browser.SubmitAsync("/signin", SignIn(name, Password))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        return (name, browser);
    }

    /// <summary>What passkeys.js does on /passkeys: options, the authenticator, the answer posted back.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> AddAsync(Browserless browser, SoftPasskey key, string name = "")
    {
        var (_, page) = await browser.GetAsync("/passkeys");
        var (options, json) = await browser.FetchFromAsync(page, "/passkeys?handler=Options");
        options.StatusCode.ShouldBe(HttpStatusCode.OK);
        options.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return await browser.PostFromAsync(page, "/passkeys?handler=Add", new Dictionary<string, string> { ["Credential"] = key.Create(json), ["Name"] = name });
    }

    /// <summary>What passkeys.js does on /signin.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> SignInWithAsync(Browserless browser, SoftPasskey key)
    {
        var (_, page) = await browser.GetAsync("/signin");
        var (options, json) = await browser.FetchFromAsync(page, "/signin?handler=PasskeyOptions");
        options.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await browser.PostFromAsync(page, "/signin?handler=Passkey", new Dictionary<string, string> { ["Credential"] = key.Get(json) });
    }

    private async Task<(int Passkeys, int Sessions)> CountAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var id = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
        return (await db.UserPasskeys.CountAsync(p => p.UserId == id), await db.SigninSessions.CountAsync(s => s.UserId == id));
    }

    [Fact]
    public async Task APasskey_AddedOnThePasskeysPage_SignsIn_WithASessionLikeAPasswords()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        using var key = new SoftPasskey(Origin);

        var (added, page) = await AddAsync(here, key, "my phone");

        added.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/passkeys?done=added");
        page.ShouldContain("<td data-label=\"Name\">my phone</td>");
        page.ShouldContain("<time datetime=\"");
        (await CountAsync(name)).ShouldBe((1, 1));

        using var elsewhere = new Browserless(app.BaseAddress);
        var (signedIn, _) = await SignInWithAsync(elsewhere, key);
        signedIn.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        (await elsewhere.LandsOnAsync("/history")).ShouldBe("/history");
        (await CountAsync(name)).ShouldBe((1, 2), "a passkey sign-in records a session, as a password does");
        (await elsewhere.GetAsync("/sessions")).Html.ShouldContain("(this browser)");
        elsewhere.CookieHeader.ShouldContain("wane-device=");

        // Signing out ends it on the server, as for any session.
        var saved = elsewhere.CookieHeader;
        var (_, sessions) = await elsewhere.GetAsync("/sessions");
        await elsewhere.PostFromAsync(sessions, "/signout", new Dictionary<string, string>());
        (await GetAsync(app.BaseAddress, saved, "/history")).Location.ShouldBe("/signin");
    }

    [Fact]
    public async Task APasskey_OfADisabledAccount_DoesNotSignIn()
    {
        await Admins.EnsureOperatorAsync(app);
        var (name, here) = await SignedInAsync();
        using var _ = here;
        using var key = new SoftPasskey(Origin);
        (await AddAsync(here, key, "my phone")).Response.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/passkeys?done=added");
        await Admins.DisableAsync(app, name);

        using var elsewhere = new Browserless(app.BaseAddress);
        var (refused, html) = await SignInWithAsync(elsewhere, key);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain(WebUtility.HtmlEncode(Wane.Features.Accounts.SignInGate.DisabledMessage));
        (await elsewhere.LandsOnAsync("/history")).ShouldBe("/signin");
        (await CountAsync(name)).Sessions.ShouldBe(0);
    }

    [Fact]
    public async Task APasskeySignIn_SkipsTheAuthenticatorCode()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        using var key = new SoftPasskey(Origin);
        await AddAsync(here, key);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaneUser>>();
            var user = (await users.FindByNameAsync(name))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        using (var withPassword = new Browserless(app.BaseAddress))
        {
            (await withPassword.SubmitAsync("/signin", SignIn(name, Password))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin/two-factor");
        }

        using var withPasskey = new Browserless(app.BaseAddress);
        var (signedIn, _) = await SignInWithAsync(withPasskey, key);

        signedIn.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        (await withPasskey.LandsOnAsync("/history")).ShouldBe("/history");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\",\"attestationObject\":\"oA\"}}")]
    public async Task AMalformedAnswer_ToAddAPasskey_IsRefusedWithAMessage_NothingStored(string credential)
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        var (_, page) = await here.GetAsync("/passkeys");
        await here.FetchFromAsync(page, "/passkeys?handler=Options");

        var (response, html) = await here.PostFromAsync(page, "/passkeys?handler=Add", new Dictionary<string, string> { ["Credential"] = credential });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"credential-error\"");
        html.ShouldContain("nothing was stored");
        (await CountAsync(name)).Passkeys.ShouldBe(0);
    }

    [Fact]
    public async Task AnAnswer_WithNoCeremonyUnderWay_OrEmpty_IsRefusedWithAMessage()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        using var key = new SoftPasskey(Origin);
        var (_, page) = await here.GetAsync("/passkeys");
        var (empty, emptyHtml) = await here.PostFromAsync(page, "/passkeys?handler=Add", new Dictionary<string, string> { ["Credential"] = "" });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        emptyHtml.ShouldContain("No passkey came back from the browser");

        // An answer with no ceremony under way (never asked for, or already used) has nothing to be checked against.
        var (_, options) = await here.FetchFromAsync(page, "/passkeys?handler=Options");
        var answer = key.Create(options);
        (await here.PostFromAsync(page, "/passkeys?handler=Add", new Dictionary<string, string> { ["Credential"] = answer })).Response.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/passkeys?done=added");
        var (again, html) = await here.PostFromAsync(page, "/passkeys?handler=Add", new Dictionary<string, string> { ["Credential"] = answer });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("took too long");
        (await CountAsync(name)).Passkeys.ShouldBe(1);

        using var stranger = new Browserless(app.BaseAddress);
        var (_, signin) = await stranger.GetAsync("/signin");
        var (refused, said) = await stranger.PostFromAsync(signin, "/signin?handler=Passkey", new Dictionary<string, string> { ["Credential"] = "{not json" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        said.ShouldContain("took too long");
        await stranger.FetchFromAsync(signin, "/signin?handler=PasskeyOptions");
        (refused, said) = await stranger.PostFromAsync(signin, "/signin?handler=Passkey", new Dictionary<string, string> { ["Credential"] = "{not json" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        said.ShouldContain("That passkey did not sign you in");
        (await stranger.LandsOnAsync("/")).ShouldBe("/signin");
    }

    [Fact]
    public async Task ASignInAnswer_CannotBeReplayed()
    {
        var (_, here) = await SignedInAsync();
        using var _ = here;
        using var key = new SoftPasskey(Origin);
        await AddAsync(here, key);
        using var first = new Browserless(app.BaseAddress);
        var (_, page) = await first.GetAsync("/signin");
        var (_, options) = await first.FetchFromAsync(page, "/signin?handler=PasskeyOptions");
        var answer = key.Get(options);
        (await first.PostFromAsync(page, "/signin?handler=Passkey", new Dictionary<string, string> { ["Credential"] = answer })).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");

        // Someone who captured the answer, with a ceremony of their own (a new challenge).
        using var thief = new Browserless(app.BaseAddress);
        var (_, theirs) = await thief.GetAsync("/signin");
        await thief.FetchFromAsync(theirs, "/signin?handler=PasskeyOptions");
        var (refused, _) = await thief.PostFromAsync(theirs, "/signin?handler=Passkey", new Dictionary<string, string> { ["Credential"] = answer });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await thief.LandsOnAsync("/")).ShouldBe("/signin");
    }

    [Fact]
    public async Task RenameAndRemove_WorkOnOnesOwnPasskeys_NeverOnSomeoneElses()
    {
        var (alice, aliceBrowser) = await SignedInAsync();
        using var _ = aliceBrowser;
        using var key = new SoftPasskey(Origin);
        var (_, page) = await AddAsync(aliceBrowser, key, "alices laptop");
        var id = PasskeyId().Match(page).Groups[1].Value;
        id.ShouldNotBeEmpty();

        var (bob, bobBrowser) = await SignedInAsync();
        using var __ = bobBrowser;
        var (_, bobPage) = await bobBrowser.GetAsync("/passkeys");
        bobPage.ShouldNotContain(id);
        (await bobBrowser.PostFromAsync(bobPage, "/passkeys?handler=Rename", new Dictionary<string, string> { ["Id"] = id, ["Name"] = "bob's now" })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bobBrowser.PostFromAsync(bobPage, "/passkeys?handler=Remove", new Dictionary<string, string> { ["Id"] = id })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bobBrowser.PostFromAsync(bobPage, "/passkeys?handler=Remove", new Dictionary<string, string> { ["Id"] = "not base64url!" })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CountAsync(alice)).Passkeys.ShouldBe(1);
        (await aliceBrowser.GetAsync("/passkeys")).Html.ShouldContain("alices laptop");
        (await CountAsync(bob)).Passkeys.ShouldBe(0);

        var (bad, badHtml) = await aliceBrowser.PostFromAsync(page, "/passkeys?handler=Rename", new Dictionary<string, string> { ["Id"] = id, ["Name"] = "bell\u0007" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        badHtml.ShouldContain($"id=\"name-{id}-error\"");
        var (renamed, renamedHtml) = await aliceBrowser.PostFromAsync(page, "/passkeys?handler=Rename", new Dictionary<string, string> { ["Id"] = id, ["Name"] = "work laptop" });
        renamed.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/passkeys?done=renamed");
        renamedHtml.ShouldContain("<td data-label=\"Name\">work laptop</td>");

        var (removed, removedHtml) = await aliceBrowser.PostFromAsync(renamedHtml, "/passkeys?handler=Remove", new Dictionary<string, string> { ["Id"] = id });
        removed.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/passkeys?done=removed");
        removedHtml.ShouldContain("You have no passkeys yet.");
        using var later = new Browserless(app.BaseAddress);
        (await SignInWithAsync(later, key)).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a removed passkey signs no one in");
    }

    [Fact]
    public async Task ThePage_WithoutJavaScript_SaysPasskeysNeedIt_AndRemovingNeedsAToken()
    {
        var (_, here) = await SignedInAsync();
        using var _ = here;
        var (_, page) = await here.GetAsync("/passkeys");
        page.ShouldContain("<noscript>");
        page.ShouldContain("Adding a passkey needs JavaScript");
        Regex.IsMatch(page, "<form[^>]*id=\"passkey-add\"[^>]*hidden").ShouldBeTrue("the add form shows only when the script runs");
        page.ShouldContain("/assets/passkeys.js?v=");
        (await here.GetAsync("/profile")).Html.ShouldContain("href=\"/passkeys\"");
        (await here.GetAsync("/signin")).Html.ShouldContain("Sign in with a passkey");

        // Without the antiforgery token a form post does nothing.
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/passkeys?handler=Remove") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Id"] = "AAAA" }) };
        request.Headers.Add("Cookie", here.CookieHeader);
        (await http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheAdmin_RemovesEveryPasskeyOfAPerson()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        using var phone = new SoftPasskey(Origin);
        using var laptop = new SoftPasskey(Origin);
        await AddAsync(here, phone);
        await AddAsync(here, laptop);
        (await CountAsync(name)).Passkeys.ShouldBe(2);

        var (exit, output, error) = await CliRun.RunAsync(["user", "passkeys-off", name], app.DataDir, app.Clock);

        exit.ShouldBe(0, error);
        output.ShouldContain($"Removed 2 passkeys of {name}");
        (await CountAsync(name)).Passkeys.ShouldBe(0);
        using var thief = new Browserless(app.BaseAddress);
        (await SignInWithAsync(thief, phone)).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CliRun.RunAsync(["user", "passkeys-off", name], app.DataDir, app.Clock)).Out.ShouldContain("had no passkeys");
        (await CliRun.RunAsync(["user", "passkeys-off", "nobody-" + Guid.NewGuid().ToString("N")[..6]], app.DataDir, app.Clock)).Exit.ShouldBe(1);
    }

    [Fact]
    public async Task PasskeySignIn_IsInsideTheSignInRateLimit()
    {
        await using var limited = new WaneApp { Settings = ["--RateLimits:SignIn:PermitLimit", "3"] };
        await limited.InitializeAsync();
        using var browser = new Browserless(limited.BaseAddress);
        var (_, page) = await browser.GetAsync("/signin");
        for (var i = 0; i < 3; i++)
        {
            (await browser.FetchFromAsync(page, "/signin?handler=PasskeyOptions")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (options, _) = await browser.FetchFromAsync(page, "/signin?handler=PasskeyOptions");
        var (answer, _) = await browser.PostFromAsync(page, "/signin?handler=Passkey", new Dictionary<string, string> { ["Credential"] = "{}" });

        options.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        answer.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        answer.Headers.RetryAfter.ShouldNotBeNull();
    }

    [GeneratedRegex("name=\"Id\" value=\"([A-Za-z0-9_-]+)\"")]
    private static partial Regex PasskeyId();
}
