using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Data;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>/admin: only for admins (404 for everyone else), accounts without their record, actions behind a confirm step, invitations.</summary>
public sealed partial class AdminPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    private async Task<Browserless> OperatorAsync()
    {
        await Admins.EnsureOperatorAsync(app);
        return await Admins.SignedInAsync(app, "operator");
    }

    private async Task<string> PersonAsync(string? marker = null)
    {
        await Admins.EnsureOperatorAsync(app);
        var name = "adm-" + Guid.NewGuid().ToString("N")[..8];
        using var api = await app.NewUserClientAsync("UTC", name);
        if (marker is not null)
        {
            var product = await api.CreateProductAsync(new { name = "Product " + marker, kind = "kratom", form = "powder", strain = "strain " + marker });
            await api.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g", note = "Note " + marker });
        }
        return name;
    }

    /// <summary>Asks for an action on the page, then confirms it.</summary>
    private static async Task<string> ConfirmAsync(Browserless browser, string act, string name, string? typed = null)
    {
        var (_, page) = await browser.GetAsync("/admin");
        var (_, asking) = await browser.PostFromAsync(page, "/admin?handler=Ask", new Dictionary<string, string> { ["Act"] = act, ["Name"] = name });
        asking.ShouldContain("id=\"confirm\"");
        var fields = new Dictionary<string, string> { ["Act"] = act, ["Name"] = name };
        if (typed is not null)
        {
            fields["Typed"] = typed;
        }
        var (response, done) = await browser.PostFromAsync(asking, "/admin?handler=Do", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return done;
    }

    private async Task<bool> ExistsAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WaneDb>().Users.AnyAsync(u => u.UserName == name);
    }

    [Fact]
    public async Task Admin_NotAnAdmin_Answers404ToGetAndPost()
    {
        var name = await PersonAsync();
        using var browser = await Admins.SignedInAsync(app, name);
        var (_, profile) = await browser.GetAsync("/profile");
        profile.ShouldNotContain("href=\"/admin\"");

        (await browser.GetAsync("/admin")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (posted, _) = await browser.PostFromAsync(profile, "/admin?handler=Do", new Dictionary<string, string> { ["Act"] = "disable", ["Name"] = "operator" });
        posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Admins.SignedInAsync(app, "operator")).Dispose();
    }

    [Fact]
    public async Task Admin_SignedOut_GoesToSignIn()
    {
        using var browser = new Browserless(app.BaseAddress);
        await Admins.EnsureOperatorAsync(app);
        (await browser.LandsOnAsync("/admin")).ShouldBe("/signin");
    }

    [Fact]
    public async Task Admin_ListsAccounts_NeverTheirRecord()
    {
        var marker = "mk" + Guid.NewGuid().ToString("N")[..10];
        var name = await PersonAsync(marker);
        using var browser = await OperatorAsync();
        (await browser.GetAsync("/profile")).Html.ShouldContain("href=\"/admin\"");

        var (response, html) = await browser.GetAsync("/admin");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<td data-label=\"Name\">{name}</td>");
        html.ShouldContain("<td data-label=\"Admin\">admin</td>");
        html.ShouldContain("<td data-label=\"Admin\">no</td>");
        html.ShouldNotContain(marker, Case.Insensitive);
        html.ShouldNotContain("Red Bali");
        html.ShouldNotContain("style=", Case.Insensitive);
        html.ShouldNotContain("<script>", Case.Insensitive);
    }

    [Fact]
    public async Task Disable_AskThenConfirm_DisablesAndEnableRestores()
    {
        var name = await PersonAsync();
        using var person = await Admins.SignedInAsync(app, name);
        using var browser = await OperatorAsync();
        var (_, page) = await browser.GetAsync("/admin");
        var (_, asking) = await browser.PostFromAsync(page, "/admin?handler=Ask", new Dictionary<string, string> { ["Act"] = "disable", ["Name"] = name });
        (await person.LandsOnAsync("/")).ShouldBe("/", "asking changes nothing");

        var done = await ConfirmAsync(browser, "disable", name);

        done.ShouldContain($"Disabled {name}; 1 session ended.");
        (await person.LandsOnAsync("/")).ShouldBe("/signin");
        (await ConfirmAsync(browser, "enable", name)).ShouldContain($"Enabled {name}");
        (await Admins.SignedInAsync(app, name)).Dispose();
        asking.ShouldContain("Yes, disable " + name);
    }

    [Fact]
    public async Task Do_WithoutAntiforgeryToken_Refused()
    {
        var name = await PersonAsync();
        using var browser = await OperatorAsync();

        var (response, _) = await browser.PostFromAsync("", "/admin?handler=Do", new Dictionary<string, string> { ["Act"] = "disable", ["Name"] = name });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Admins.SignedInAsync(app, name)).Dispose();
    }

    [Fact]
    public async Task Delete_NeedsTheNameTyped_ThenErasesTheAccount()
    {
        var name = await PersonAsync("del");
        using var browser = await OperatorAsync();

        (await ConfirmAsync(browser, "delete", name, typed: "someone else")).ShouldContain("Type the user name exactly");
        (await ExistsAsync(name)).ShouldBeTrue();

        (await ConfirmAsync(browser, "delete", name, typed: name)).ShouldContain($"Deleted {name}");
        (await ExistsAsync(name)).ShouldBeFalse();
    }

    [Fact]
    public async Task DisableOrDelete_OwnAccount_Refused()
    {
        using var browser = await OperatorAsync();

        (await ConfirmAsync(browser, "disable", "operator")).ShouldContain("You cannot disable your own account here");
        (await ConfirmAsync(browser, "delete", "operator", typed: "operator")).ShouldContain("You cannot delete your own account here");

        (await browser.LandsOnAsync("/admin")).ShouldBe("/admin");
    }

    [Fact]
    public async Task ResetPassword_LinkShownOnce_SetsANewPasswordOnceAndEndsSessions()
    {
        var name = await PersonAsync();
        using var person = await Admins.SignedInAsync(app, name);
        using var browser = await OperatorAsync();

        var done = await ConfirmAsync(browser, "reset", name);

        var link = new Uri(Link().Match(done).Groups[1].Value);
        link.AbsolutePath.ShouldBe("/reset-password");
        (await person.LandsOnAsync("/")).ShouldBe("/signin", "making the link ends every session");
        using var forgetful = new Browserless(app.BaseAddress);
        var fields = new Dictionary<string, string> { ["Password"] = "a brand new password", ["Confirm"] = "a brand new password" };
        var (set, setHtml) = await forgetful.SubmitAsync(link.PathAndQuery, fields);
        set.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/signin?reset=done");
        setHtml.ShouldContain("Your new password is set.");
        (await forgetful.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "a brand new password" }))
            .Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");

        var (again, againHtml) = await new Browserless(app.BaseAddress).GetAsync(link.PathAndQuery);
        again.StatusCode.ShouldBe(HttpStatusCode.Gone);
        againHtml.ShouldContain("expired or has been used");
    }

    [Fact]
    public async Task ResetPassword_PasswordTooShort_KeepsTheLinkUsable()
    {
        var name = await PersonAsync();
        using var browser = await OperatorAsync();
        var link = new Uri(Link().Match(await ConfirmAsync(browser, "reset", name)).Groups[1].Value);
        using var forgetful = new Browserless(app.BaseAddress);

        var (_, refused) = await forgetful.SubmitAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "short", ["Confirm"] = "short" });

        refused.ShouldContain("id=\"password-error\"");
        (await forgetful.GetAsync(link.PathAndQuery)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Invitations_CreateOnThePage_LinkSignsUpOnce_ThenListedAsUsed_AndRevokeWithdrawsAnother()
    {
        using var browser = await OperatorAsync();
        var (_, page) = await browser.GetAsync("/admin");
        var (_, created) = await browser.PostFromAsync(page, "/admin?handler=Invite", new Dictionary<string, string> { ["Expires"] = "1d", ["Note"] = "for Jo" });
        var link = new Uri(Link().Match(created).Groups[1].Value);
        link.AbsolutePath.ShouldBe("/setup");
        created.ShouldContain("<td data-label=\"Note\">for Jo</td>");

        var name = "jo-" + Guid.NewGuid().ToString("N")[..6];
        using var jo = new Browserless(app.BaseAddress);
        var secret = link.Query["?invite=".Length..];
        var form = new Dictionary<string, string> { ["Name"] = name, ["Password"] = Admins.Password, ["Confirm"] = Admins.Password, ["TimeZone"] = "UTC", ["Invite"] = secret };
        (await jo.SubmitAsync(link.PathAndQuery, form)).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/products");
        (await browser.GetAsync("/admin")).Html.ShouldContain("<td data-label=\"State\">used ");

        var (_, page2) = await browser.GetAsync("/admin");
        var (_, second) = await browser.PostFromAsync(page2, "/admin?handler=Invite", new Dictionary<string, string> { ["Expires"] = "7d" });
        var id = OpenId().Match(second).Groups[1].Value;
        var (_, revoked) = await browser.PostFromAsync(second, "/admin?handler=Revoke", new Dictionary<string, string> { ["Id"] = id });
        revoked.ShouldContain($"Invitation {id} withdrawn");
        var secondLink = new Uri(Link().Match(second).Groups[1].Value);
        (await new Browserless(app.BaseAddress).GetAsync(secondLink.PathAndQuery)).Response.StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Theory]
    [InlineData("0d")]
    [InlineData("365d")]
    [InlineData("soon")]
    public async Task Invite_BadExpiry_NamesTheFieldAndMakesNone(string expires)
    {
        using var browser = await OperatorAsync();
        var (_, page) = await browser.GetAsync("/admin");
        var before = Regex.Count(page, "<td data-label=\"Id\">");

        var (_, html) = await browser.PostFromAsync(page, "/admin?handler=Invite", new Dictionary<string, string> { ["Expires"] = expires });

        html.ShouldContain("id=\"expires-error\"");
        html.ShouldNotContain("id=\"new-link\"");
        Regex.Count(html, "<td data-label=\"Id\">").ShouldBe(before);
    }

    [GeneratedRegex("<code class=\"token\" id=\"new-link\">([^<]+)</code>")]
    private static partial Regex Link();

    [GeneratedRegex("<td data-label=\"Id\">(\\d+)</td>")]
    private static partial Regex OpenId();
}
