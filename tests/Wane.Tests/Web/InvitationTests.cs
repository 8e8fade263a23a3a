using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Shouldly;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>
/// Sign-up with an invitation while open sign-up is off: one account per invitation, even from two sign-ups at
/// once; expired, used, revoked and made-up invitations refused with a message and no account.
/// </summary>
public sealed class InvitationTests(WaneApp app) : IClassFixture<WaneApp>
{
    private async Task<(string Secret, long Id)> InviteAsync(Duration? lifetime = null)
    {
        await Admins.EnsureOperatorAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var made = await scope.ServiceProvider.GetRequiredService<Invitations>().CreateAsync(null, lifetime ?? Invitations.DefaultLifetime, "for a test", CancellationToken.None);
        var (secret, row) = made.ShouldBeOfType<Outcome<(string, Invitation)>.Ok>().Value;
        return (secret, row.Id);
    }

    private static Dictionary<string, string> Form(string name, string secret) => new()
    {
        ["Name"] = name, ["Password"] = Admins.Password, ["Confirm"] = Admins.Password, ["TimeZone"] = "UTC", ["Invite"] = secret,
    };

    private async Task<bool> ExistsAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WaneDb>().Users.AnyAsync(u => u.UserName == name);
    }

    private static string Name() => "inv-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task SignUp_WithAnInvitation_CreatesAnOrdinaryAccountAndUsesItUp()
    {
        var (secret, id) = await InviteAsync();
        var name = Name();
        using var browser = new Browserless(app.BaseAddress);

        var (response, _) = await browser.SubmitAsync($"/signup?invite={secret}", Form(name, secret), action: "/setup");

        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/products");
        (await ExistsAsync(name)).ShouldBeTrue();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var user = await db.Users.SingleAsync(u => u.UserName == name);
        user.IsAdmin.ShouldBeFalse();
        var row = await db.Invitations.SingleAsync(i => i.Id == id);
        row.UsedAt.ShouldBe(app.Clock.GetCurrentInstant());
        row.UsedById.ShouldBe(user.Id);
        row.SecretHash.ShouldNotContain(secret);
    }

    [Fact]
    public async Task SignUp_InvitationUsedAlready_RefusedWithAMessageAndNoAccount()
    {
        var (secret, _) = await InviteAsync();
        using (var first = new Browserless(app.BaseAddress))
        {
            (await first.SubmitAsync($"/setup?invite={secret}", Form(Name(), secret))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/products");
        }
        using var second = new Browserless(app.BaseAddress);
        var (page, html) = await second.GetAsync($"/setup?invite={secret}");
        page.StatusCode.ShouldBe(HttpStatusCode.Gone);
        html.ShouldContain(WebUtility.HtmlEncode(Invitations.Used));
        html.ShouldNotContain("name=\"Password\"");

        var name = Name();
        var (posted, postedHtml) = await second.SubmitAsync("/signin", Form(name, secret), action: "/setup");

        posted.StatusCode.ShouldBe(HttpStatusCode.Gone);
        postedHtml.ShouldContain(WebUtility.HtmlEncode(Invitations.Used));
        (await ExistsAsync(name)).ShouldBeFalse();
    }

    [Fact]
    public async Task SignUp_InvitationExpired_Refused()
    {
        var (secret, _) = await InviteAsync(Duration.FromHours(1));
        app.Clock.Advance(Duration.FromHours(1));
        var name = Name();
        using var browser = new Browserless(app.BaseAddress);

        (await browser.GetAsync($"/setup?invite={secret}")).Html.ShouldContain(WebUtility.HtmlEncode(Invitations.Expired));
        var (posted, html) = await browser.SubmitAsync("/signin", Form(name, secret), action: "/setup");

        posted.StatusCode.ShouldBe(HttpStatusCode.Gone);
        html.ShouldContain(WebUtility.HtmlEncode(Invitations.Expired));
        (await ExistsAsync(name)).ShouldBeFalse();
    }

    [Fact]
    public async Task SignUp_InvitationRevoked_Refused()
    {
        var (secret, id) = await InviteAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<Invitations>().RevokeAsync(id, CancellationToken.None)).ShouldBe(new Outcome<bool>.Ok(true));
        }
        var name = Name();
        using var browser = new Browserless(app.BaseAddress);

        var (posted, html) = await browser.SubmitAsync("/signin", Form(name, secret), action: "/setup");

        posted.StatusCode.ShouldBe(HttpStatusCode.Gone);
        html.ShouldContain(WebUtility.HtmlEncode(Invitations.Revoked));
        (await ExistsAsync(name)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("made-up-secret")]
    public async Task SignUp_NoOrUnknownInvitation_NoAccount(string secret)
    {
        await InviteAsync();
        var name = Name();
        using var browser = new Browserless(app.BaseAddress);

        (await browser.LandsOnAsync("/setup")).ShouldBe("/signin");
        var (posted, _) = await browser.SubmitAsync("/signin", Form(name, secret), action: "/setup");

        (await ExistsAsync(name)).ShouldBeFalse();
        if (secret.Length > 0)
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.Gone);
        }
    }

    [Fact]
    public async Task SignUp_NameTaken_LeavesTheInvitationUsable()
    {
        var (secret, _) = await InviteAsync();
        using var browser = new Browserless(app.BaseAddress);

        var (_, html) = await browser.SubmitAsync($"/setup?invite={secret}", Form("operator", secret));

        html.ShouldContain("That name is taken.");
        var name = Name();
        (await browser.SubmitAsync($"/setup?invite={secret}", Form(name, secret))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/products");
        (await ExistsAsync(name)).ShouldBeTrue();
    }

    [Fact]
    public async Task SignUp_TwoAtOnceWithOneInvitation_MakeOneAccount()
    {
        var (secret, _) = await InviteAsync();
        var names = new[] { Name(), Name(), Name(), Name() };
        var browsers = names.Select(_ => new Browserless(app.BaseAddress)).ToArray();
        try
        {
            // Each has its form (and antiforgery token) before any posts, as two people with one link would.
            var pages = await Task.WhenAll(browsers.Select(b => b.GetAsync($"/setup?invite={secret}")));
            var posts = await Task.WhenAll(browsers.Select((b, i) => b.PostFromAsync(pages[i].Html, "/setup", Form(names[i], secret))));

            posts.Count(p => p.Response.RequestMessage!.RequestUri!.AbsolutePath == "/products").ShouldBe(1);
            posts.Count(p => p.Response.StatusCode == HttpStatusCode.Gone).ShouldBe(names.Length - 1);
            (await Task.WhenAll(names.Select(ExistsAsync))).Count(e => e).ShouldBe(1);
        }
        finally
        {
            foreach (var b in browsers)
            {
                b.Dispose();
            }
        }
    }
}
