using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Shouldly;
using Wane.Data;
using Wane.Tests.Support;
using static Wane.Tests.Security.Replay;

namespace Wane.Tests.Security;

/// <summary>Optional two-factor sign-in: an authenticator app's code after the password, recovery codes, turning it off.</summary>
public partial class TwoFactorTests(WaneApp app) : IClassFixture<WaneApp>
{
    private const string Password = "correct horse battery";

    private async Task<(string Name, Browserless Browser)> SignedInAsync()
    {
        var name = "tf-" + Guid.NewGuid().ToString("N")[..8];
        using var _ = await app.NewUserClientAsync("UTC", name);
        var browser = new Browserless(app.BaseAddress);
        (await browser.SubmitAsync("/signin", SignIn(name, Password))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        return (name, browser);
    }

    /// <summary>Turns two-factor sign-in on as the person would: read the key off the page, type the app's code.</summary>
    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnAsync(Browserless browser)
    {
        var (_, page) = await browser.GetAsync("/two-factor");
        page.ShouldContain("is <strong>off</strong>");
        page.ShouldContain("src=\"data:image/png;base64,");
        var key = KeyOnPage().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        key.Length.ShouldBeGreaterThanOrEqualTo(16);

        var (_, enabled) = await browser.SubmitAsync("/two-factor", new Dictionary<string, string> { ["Code"] = CodeFor(key) }, action: "/two-factor?handler=Enable");

        enabled.ShouldContain("is <strong>on</strong>");
        var codes = RecoveryCode().Matches(enabled).Select(m => m.Groups[1].Value).ToList();
        codes.Count.ShouldBe(10);
        // The code just typed is used up (each is accepted once): the next one comes with the next step.
        NextStep();
        return (key, codes);
    }

    /// <summary>The app's code now, by the server's (fake) clock.</summary>
    private string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(app.Clock.GetCurrentInstant().ToDateTimeUtc());

    private void NextStep() => app.Clock.Advance(NodaTime.Duration.FromSeconds(30));

    private string WrongCode(string key) => ((int.Parse(CodeFor(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TurningItOn_NeedsACodeFromTheApp_AndThenSigningInAsksForOne()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        var (_, page) = await here.GetAsync("/two-factor");
        var key = KeyOnPage().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var (_, refused) = await here.SubmitAsync("/two-factor", new Dictionary<string, string> { ["Code"] = WrongCode(key) }, action: "/two-factor?handler=Enable");
        refused.ShouldContain("id=\"code-error\"");
        refused.ShouldContain("is <strong>off</strong>");
        await TurnOnAsync(here);

        using var phone = new Browserless(app.BaseAddress);
        var (afterPassword, step) = await phone.SubmitAsync("/signin", SignIn(name, Password));
        afterPassword.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin/two-factor");
        step.ShouldContain("Enter your code");
        (await phone.LandsOnAsync("/")).ShouldBe("/signin", "the password alone signs no one in");

        var (_, wrong) = await phone.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        wrong.ShouldContain("That code did not work");
        (await phone.LandsOnAsync("/")).ShouldBe("/signin");

        var (right, _) = await phone.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = CodeFor(key) });
        right.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        (await phone.LandsOnAsync("/history")).ShouldBe("/history");
    }

    [Fact]
    public async Task AnAuthenticatorCode_IsAcceptedOnce_ThenRefusedLikeAWrongOne()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        var (key, _) = await TurnOnAsync(here);
        var code = CodeFor(key);

        using var first = new Browserless(app.BaseAddress);
        await first.SubmitAsync("/signin", SignIn(name, Password));
        var (used, _) = await first.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = code });
        used.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");

        // Someone who saw the code (over a shoulder, through a phishing page) and knows the password, within the same 30 s.
        using var second = new Browserless(app.BaseAddress);
        await second.SubmitAsync("/signin", SignIn(name, Password));
        var (again, html) = await second.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = code });
        again.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin/two-factor");
        html.ShouldContain("That code did not work");
        (await second.LandsOnAsync("/")).ShouldBe("/signin");

        // Nor later, while the code is still inside the window the server allows for a phone's clock.
        NextStep();
        (await second.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = code })).Html.ShouldContain("That code did not work");
        var (fresh, _) = await second.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = CodeFor(key) });
        fresh.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public async Task TheSecondStep_WithoutThePasswordFirst_GoesBackToSignIn()
    {
        // Someone has an account, so a stranger is sent to sign in (not to the first-run set-up).
        using var _ = await app.NewUserClientAsync("UTC", "tf-" + Guid.NewGuid().ToString("N")[..8]);
        using var stranger = new Browserless(app.BaseAddress);
        (await stranger.LandsOnAsync("/signin/two-factor")).ShouldBe("/signin");
    }

    [Fact]
    public async Task ARecoveryCode_SignsInOnce()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        var (_, codes) = await TurnOnAsync(here);

        using var first = new Browserless(app.BaseAddress);
        await first.SubmitAsync("/signin", SignIn(name, Password));
        var (used, _) = await first.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = " " + codes[3] + " " });
        used.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");

        using var second = new Browserless(app.BaseAddress);
        await second.SubmitAsync("/signin", SignIn(name, Password));
        var (_, again) = await second.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = codes[3] });
        again.ShouldContain("That code did not work");
        (await here.GetAsync("/two-factor")).Html.ShouldContain("Recovery codes left: <strong>9</strong>");
    }

    [Fact]
    public async Task WrongCodes_SlowDown_SoSixDigitsCannotBeTriedInTurn()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        var (key, _) = await TurnOnAsync(here);
        using var guesser = new Browserless(app.BaseAddress);
        await guesser.SubmitAsync("/signin", SignIn(name, Password));
        for (var i = 0; i < 5; i++)
        {
            (await guesser.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = WrongCode(key) })).Html.ShouldContain("That code did not work");
        }

        var (response, html) = await guesser.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = CodeFor(key) });

        html.ShouldContain("Too many wrong codes");
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin/two-factor");
        (await guesser.LandsOnAsync("/")).ShouldBe("/signin");
    }

    [Fact]
    public async Task TheKeyAndTheRecoveryCodes_AreNotReadableInTheDatabase()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        var (key, codes) = await TurnOnAsync(here);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var userId = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
        var stored = await db.UserTokens.Where(t => t.UserId == userId).Select(t => t.Value ?? "").ToListAsync();

        stored.Count.ShouldBe(2);
        foreach (var value in stored)
        {
            value.ShouldNotContain(key, Case.Insensitive);
            foreach (var code in codes)
            {
                value.ShouldNotContain(code, Case.Insensitive);
            }
        }
    }

    [Fact]
    public async Task TurningItOff_AsksForThePassword_ThenThePasswordAloneSignsIn()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        await TurnOnAsync(here);

        var (_, refused) = await here.SubmitAsync("/two-factor", new Dictionary<string, string> { ["Password"] = "not my password" }, action: "/two-factor?handler=Disable");
        refused.ShouldContain("id=\"offPassword-error\"");
        refused.ShouldContain("is <strong>on</strong>");
        var (off, page) = await here.SubmitAsync("/two-factor", new Dictionary<string, string> { ["Password"] = Password }, action: "/two-factor?handler=Disable");
        off.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/two-factor?done=off");
        page.ShouldContain("is <strong>off</strong>");

        using var later = new Browserless(app.BaseAddress);
        (await later.SubmitAsync("/signin", SignIn(name, Password))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public async Task NewRecoveryCodes_ReplaceTheOldOnes()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        var (_, old) = await TurnOnAsync(here);

        var (_, page) = await here.SubmitAsync("/two-factor", new Dictionary<string, string> { ["Password"] = Password }, action: "/two-factor?handler=Codes");
        var fresh = RecoveryCode().Matches(page).Select(m => m.Groups[1].Value).ToList();

        fresh.Count.ShouldBe(10);
        fresh.ShouldNotContain(old[0]);
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", SignIn(name, Password));
        (await browser.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = old[0] })).Html.ShouldContain("That code did not work");
        (await browser.SubmitAsync("/signin/two-factor", new Dictionary<string, string> { ["Code"] = fresh[0] })).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public async Task TheAdmin_CanTurnItOff_ForSomeoneWhoLostTheirPhone()
    {
        var (name, here) = await SignedInAsync();
        using var _ = here;
        await TurnOnAsync(here);

        var (exit, output, error) = await CliRun.RunAsync(["user", "two-factor-off", name], app.DataDir, app.Clock);
        exit.ShouldBe(0, error);
        output.ShouldContain($"Two-factor sign-in is off for {name}");
        using var browser = new Browserless(app.BaseAddress);
        (await browser.SubmitAsync("/signin", SignIn(name, Password))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        (await here.GetAsync("/two-factor")).Html.ShouldContain("is <strong>off</strong>");

        var (again, said, _) = await CliRun.RunAsync(["user", "two-factor-off", name], app.DataDir, app.Clock);
        again.ShouldBe(0);
        said.ShouldContain("was not on");
        (await CliRun.RunAsync(["user", "two-factor-off", "nobody-" + Guid.NewGuid().ToString("N")[..6]], app.DataDir, app.Clock)).Exit.ShouldBe(1);
    }

    [GeneratedRegex("<code class=\"key\">([a-z2-7 ]+)</code>")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}
