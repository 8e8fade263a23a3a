using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

/// <summary>
/// Passkeys in a real Chromium with its virtual authenticator (CDP WebAuthn domain, a platform authenticator that
/// verifies the user): add one on /passkeys, sign out, sign in with it. WebAuthn wants a site name as the relying party,
/// so the page is opened as http://localhost (the app listens on loopback), not 127.0.0.1.
/// </summary>
public sealed class PasskeyFlowTests(Browser browser) : SignedInPageTests(browser), IClassFixture<Browser>
{
    private readonly Browser _browser = browser;

    private string LocalhostUrl => $"http://localhost:{App.BaseAddress.Port}";

    [Fact]
    public async Task APasskey_AddedWithTheVirtualAuthenticator_SignsInAfterSignOut()
    {
        const string name = "passkey";
        using (await App.NewUserClientAsync("America/New_York", name))
        {
        }
        var context = await _browser.NewContextAsync(new() { BaseURL = LocalhostUrl, ViewportSize = new() { Width = 320, Height = 800 } });
        var page = await context.NewPageAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
            },
        });

        await page.GotoAsync("/signin");
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(LocalhostUrl + "/");

        await page.GotoAsync("/profile");
        await page.Locator("a[href='/passkeys']").First.ClickAsync();
        await Expect(page.Locator("#passkeys-none")).ToBeVisibleAsync();
        await Expect(page.Locator("#passkey-unsupported")).ToBeHiddenAsync();
        await page.Locator("#name").FillAsync("this laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(LocalhostUrl + "/passkeys?done=added");
        await Expect(page.Locator("#passkeys td[data-label='Name']")).ToHaveTextAsync("this laptop");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "no sideways scrolling at 320 px");
        await Browser.ScreenshotAsync(page, "passkeys-320");

        await page.Locator("#signout button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.GotoAsync("/history");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));

        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(LocalhostUrl + "/");
        await page.GotoAsync("/sessions");
        await Expect(page.Locator("#sessions")).ToContainTextAsync("(this browser)");
        _browser.CspViolations.ShouldBeEmpty();
        await context.CloseAsync();
    }
}
