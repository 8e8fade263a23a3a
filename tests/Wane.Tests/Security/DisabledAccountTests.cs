using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Tests.Support;
using static Wane.Tests.Security.Replay;

namespace Wane.Tests.Security;

/// <summary>
/// A disabled account: no sign-in by password or passkey, its sessions end (a saved cookie is refused), its tokens
/// answer 401 and its calendar feed 404, at once; enabling lets it sign in again but brings no old session back.
/// </summary>
public sealed class DisabledAccountTests(WaneApp app) : IClassFixture<WaneApp>
{
    private async Task<(string Name, HttpClient Api, Browserless Browser, string Calendar)> PersonAsync()
    {
        await Admins.EnsureOperatorAsync(app);
        var name = "dis-" + Guid.NewGuid().ToString("N")[..8];
        var api = await app.NewUserClientAsync("UTC", name);
        var calendar = new Uri((await (await api.PostAsync("/api/v1/calendar/revoke", null)).JsonAsync()).GetProperty("calendarUrl").GetString()!).PathAndQuery;
        var browser = await Admins.SignedInAsync(app, name);
        return (name, api, browser, calendar);
    }

    [Fact]
    public async Task Disable_SignedInEverywhere_EndsSessionsAndRefusesTokenAndFeedAtOnce()
    {
        var (name, api, browser, calendar) = await PersonAsync();
        using var _a = api;
        using var _b = browser;
        var savedCookie = browser.CookieHeader;
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        (await anonymous.GetAsync(calendar)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Admins.DisableAsync(app, name);

        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.LandsOnAsync("/")).ShouldBe("/signin");
        var replayed = await GetAsync(app.BaseAddress, savedCookie);
        replayed.Status.ShouldBe(HttpStatusCode.Redirect);
        replayed.Location.ShouldBe("/signin");
        (await anonymous.GetAsync(calendar)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SignIn_DisabledAccountRightPassword_RefusedWithAClearMessage()
    {
        var (name, api, browser, _) = await PersonAsync();
        using var _a = api;
        using var _b = browser;
        await Admins.DisableAsync(app, name);

        using var other = new Browserless(app.BaseAddress);
        var (response, html) = await other.SubmitAsync("/signin", SignIn(name, Admins.Password));

        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin");
        html.ShouldContain(System.Net.WebUtility.HtmlEncode(SignInGate.DisabledMessage));
        (await other.LandsOnAsync("/")).ShouldBe("/signin");
    }

    [Fact]
    public async Task SignIn_DisabledAccountWrongPassword_SaysOnlyThatTheyDoNotMatch()
    {
        var (name, api, browser, _) = await PersonAsync();
        using var _a = api;
        using var _b = browser;
        await Admins.DisableAsync(app, name);

        using var stranger = new Browserless(app.BaseAddress);
        var (_, html) = await stranger.SubmitAsync("/signin", SignIn(name, "not the password"));

        html.ShouldContain("That name and password do not match.");
        html.ShouldNotContain("disabled");
    }

    [Fact]
    public async Task Enable_AfterDisable_SignsInAgainButOldSessionsAndCookiesStayEnded()
    {
        var (name, api, browser, calendar) = await PersonAsync();
        using var _a = api;
        using var _b = browser;
        var savedCookie = browser.CookieHeader;
        await Admins.DisableAsync(app, name);

        await Admins.EnableAsync(app, name);

        (await GetAsync(app.BaseAddress, savedCookie)).Location.ShouldBe("/signin");
        (await browser.LandsOnAsync("/")).ShouldBe("/signin");
        using var again = await Admins.SignedInAsync(app, name);
        (await again.LandsOnAsync("/")).ShouldBe("/");
        // Tokens and the feed are the person's own, refused only while the account was disabled.
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        (await anonymous.GetAsync(calendar)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SecondFactor_DisabledBetweenPasswordAndCode_Refused()
    {
        var (name, api, browser, _) = await PersonAsync();
        using var _a = api;
        using var _b = browser;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaneUser>>();
            var user = (await users.FindByNameAsync(name)).ShouldNotBeNull();
            (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.ShouldBeTrue();
            (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.ShouldBeTrue();
        }
        using var phone = new Browserless(app.BaseAddress);
        (await phone.SubmitAsync("/signin", SignIn(name, Admins.Password))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin/two-factor");

        await Admins.DisableAsync(app, name);
        var (_, html) = await phone.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = "000000" });

        html.ShouldContain(System.Net.WebUtility.HtmlEncode(SignInGate.DisabledMessage));
        (await phone.LandsOnAsync("/")).ShouldBe("/signin");
    }
}
