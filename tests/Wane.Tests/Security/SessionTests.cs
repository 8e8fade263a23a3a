using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Shouldly;
using Wane.Data;
using Wane.Tests.Support;
using static Wane.Tests.Security.Replay;

namespace Wane.Tests.Security;

public class SessionTests(WaneApp app) : IClassFixture<WaneApp>
{
    private const string Password = "correct horse battery";
    private const string AndroidFirefox = "Mozilla/5.0 (Android 14; Mobile; rv:130.0) Gecko/130.0 Firefox/130.0";

    private async Task<(string Name, Browserless Browser)> SignedInAsync(string? userAgent = null)
    {
        var name = "s-" + Guid.NewGuid().ToString("N")[..8];
        using var _ = await app.NewUserClientAsync("UTC", name);
        var browser = new Browserless(app.BaseAddress, userAgent);
        (await browser.SubmitAsync("/signin", SignIn(name, Password))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        return (name, browser);
    }

    [Fact]
    public async Task SignOut_ASavedCopyOfTheCookie_GetsTheSignInPage()
    {
        var (_, browser) = await SignedInAsync();
        using var _ = browser;
        var saved = browser.CookieHeader;
        (await GetAsync(app.BaseAddress, saved)).Status.ShouldBe(HttpStatusCode.OK);

        var (signedOut, _) = await browser.SubmitAsync("/profile", new Dictionary<string, string>(), action: "/signout");
        signedOut.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/signin");

        var replayed = await GetAsync(app.BaseAddress, saved);
        replayed.Status.ShouldBe(HttpStatusCode.Redirect);
        replayed.Location.ShouldBe("/signin");
    }

    [Fact]
    public async Task ChangePassword_EndsEveryOtherSession_AndKeepsThisOne()
    {
        var (name, here) = await SignedInAsync();
        using var other = new Browserless(app.BaseAddress);
        await other.SubmitAsync("/signin", SignIn(name, Password));
        (await other.LandsOnAsync("/")).ShouldBe("/");

        var (_, wrong) = await here.SubmitAsync("/password", new Dictionary<string, string> { ["Current"] = "not it at all", ["New"] = "a brand new password", ["Confirm"] = "a brand new password" });
        wrong.ShouldContain("id=\"current-error\"");
        (await other.LandsOnAsync("/")).ShouldBe("/");
        var (changed, _) = await here.SubmitAsync("/password", new Dictionary<string, string> { ["Current"] = Password, ["New"] = "a brand new password", ["Confirm"] = "a brand new password" });

        changed.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/sessions?done=password");
        (await other.LandsOnAsync("/")).ShouldBe("/signin");
        (await here.LandsOnAsync("/")).ShouldBe("/");
        using var fresh = new Browserless(app.BaseAddress);
        (await fresh.SubmitAsync("/signin", SignIn(name, Password))).Html.ShouldContain("do not match");
        (await fresh.SubmitAsync("/signin", SignIn(name, "a brand new password"))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        here.Dispose();
    }

    [Fact]
    public async Task SessionsPage_ListsEachBrowser_AndEndingOneSignsOnlyItOut()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        using var phone = new Browserless(app.BaseAddress, AndroidFirefox);
        await phone.SubmitAsync("/signin", SignIn(name, Password));

        var (_, page) = await here.GetAsync("/sessions");

        page.ShouldContain("Firefox on Android");
        page.ShouldContain("(this browser)");
        long phoneId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
            var userId = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
            phoneId = await db.SigninSessions.Where(s => s.UserId == userId && s.UserAgent == AndroidFirefox).Select(s => s.Id).SingleAsync();
        }
        (await here.SubmitAsync("/sessions", new Dictionary<string, string> { ["id"] = $"{phoneId}" }, action: "/sessions?handler=End"))
            .Html.ShouldContain("That session has ended");
        (await phone.LandsOnAsync("/")).ShouldBe("/signin");
        (await here.LandsOnAsync("/")).ShouldBe("/");
    }

    [Fact]
    public async Task SessionsPage_AnotherPersonsSessionId_EndsNothing()
    {
        var (_, mallory) = await SignedInAsync();
        using var _ = mallory;
        var (name, victim) = await SignedInAsync(AndroidFirefox);
        using var __ = victim;
        long victimId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
            var userId = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
            victimId = await db.SigninSessions.Where(s => s.UserId == userId).Select(s => s.Id).SingleAsync();
        }

        await mallory.SubmitAsync("/sessions", new Dictionary<string, string> { ["id"] = $"{victimId}" }, action: "/sessions?handler=End");

        (await victim.LandsOnAsync("/")).ShouldBe("/");
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionIncludingThisOne()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        using var other = new Browserless(app.BaseAddress);
        await other.SubmitAsync("/signin", SignIn(name, Password));

        var (response, _) = await here.SubmitAsync("/sessions", new Dictionary<string, string>(), action: "/sessions?handler=EndAll");

        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin");
        (await here.LandsOnAsync("/")).ShouldBe("/signin");
        (await other.LandsOnAsync("/")).ShouldBe("/signin");
    }

    [Fact]
    public async Task LastSeen_IsWrittenAtMostEveryFiveMinutes_AndAnIdleSessionEnds()
    {
        var (name, browser) = await SignedInAsync();
        using var _ = browser;
        async Task<Instant> LastSeenAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
            var userId = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
            return await db.SigninSessions.Where(s => s.UserId == userId).Select(s => s.LastSeenAt).SingleAsync();
        }
        var first = await LastSeenAsync();

        app.Clock.Advance(Duration.FromMinutes(4));
        await browser.GetAsync("/");
        (await LastSeenAsync()).ShouldBe(first);
        app.Clock.Advance(Duration.FromMinutes(2));
        await browser.GetAsync("/");
        (await LastSeenAsync()).ShouldBe(first + Duration.FromMinutes(6));

        app.Clock.Advance(Duration.FromDays(15));
        (await browser.LandsOnAsync("/")).ShouldBe("/signin");
        app.Clock.Reset(WaneApp.Now);
    }

    [Fact]
    public async Task SignOutEverywhereElse_EndsTheOtherSessions_AndKeepsThisOne()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        using var phone = new Browserless(app.BaseAddress, AndroidFirefox);
        await phone.SubmitAsync("/signin", SignIn(name, Password));
        using var laptop = new Browserless(app.BaseAddress);
        await laptop.SubmitAsync("/signin", SignIn(name, Password));
        (await phone.LandsOnAsync("/")).ShouldBe("/");
        (await laptop.LandsOnAsync("/")).ShouldBe("/");

        var (response, page) = await here.SubmitAsync("/sessions", new Dictionary<string, string>(), action: "/sessions?handler=EndOthers");

        response.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/sessions?done=others");
        page.ShouldContain("Every other session has ended.");
        page.ShouldContain("(this browser)");
        page.ShouldNotContain("Firefox on Android");
        (await phone.LandsOnAsync("/")).ShouldBe("/signin");
        (await laptop.LandsOnAsync("/")).ShouldBe("/signin");
        (await here.LandsOnAsync("/")).ShouldBe("/");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var userId = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
        (await db.SigninSessions.CountAsync(s => s.UserId == userId)).ShouldBe(1);
    }

    [Fact]
    public async Task ASessionInUseEveryWeek_EndsThirtyDaysAfterItsSignIn()
    {
        var (_, browser) = await SignedInAsync();
        using var _ = browser;
        try
        {
            for (var week = 1; week <= 4; week++)
            {
                app.Clock.Advance(Duration.FromDays(7));
                (await browser.LandsOnAsync("/")).ShouldBe("/", $"week {week}: used every week, never idle");
            }
            app.Clock.Advance(Duration.FromDays(2) - Duration.FromMinutes(1));
            (await browser.LandsOnAsync("/")).ShouldBe("/");

            app.Clock.Advance(Duration.FromMinutes(2));
            (await browser.LandsOnAsync("/")).ShouldBe("/signin");
            var (_, sessions) = await browser.GetAsync("/sessions");
            sessions.ShouldNotContain("(this browser)");
        }
        finally
        {
            app.Clock.Reset(WaneApp.Now);
        }
    }
}
