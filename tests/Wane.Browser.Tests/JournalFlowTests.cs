using Microsoft.Playwright;
using Shouldly;
using Wane.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

public sealed class JournalFlowTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly WaneApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IPage> PageAsync(bool javaScript = true)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = _app.BaseAddress.ToString(),
            TimezoneId = "America/New_York",
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = 390, Height = 844 },
        });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task FirstVisit_CreateAccount_AddProducts_LogDoses_SeeTodaysTotals()
    {
        var page = await PageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
        await page.Locator("#name").FillAsync("maya");
        await page.Locator("#password").FillAsync("correct horse battery");
        await page.Locator("#confirm").FillAsync("correct horse battery");
        (await page.Locator("#timeZone").InputValueAsync()).ShouldBe("America/New_York");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.Locator(".notice")).ToContainTextAsync("Your account is ready");
        await page.Locator("#name").FillAsync("Red Bali");
        await page.Locator("#strain").FillAsync("red");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add product" }).ClickAsync();
        await page.Locator("#name").FillAsync("Oxycodone 5 mg");
        await page.Locator("#kind").SelectOptionAsync("opioid");
        await page.Locator("#form").SelectOptionAsync("tablet");
        await page.Locator("#opioid").SelectOptionAsync("oxycodone");
        await page.Locator("#mpt").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add product" }).ClickAsync();
        await Expect(page.Locator("ul.cards li")).ToHaveCountAsync(2);

        await page.GotoAsync("/");
        await page.Locator("#productId").SelectOptionAsync(new SelectOptionValue { Label = "Red Bali (kratom)" });
        await page.Locator("#amount").FillAsync("3");
        await page.Locator("#meal").SelectOptionAsync("before");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log dose" }).ClickAsync();
        await Expect(page.Locator("#logged")).ToContainTextAsync("Logged 3 g of Red Bali at 10:00");

        await page.Locator("#productId").SelectOptionAsync(new SelectOptionValue { Label = "Oxycodone 5 mg (opioid)" });
        await page.Locator("#amount").FillAsync("2");
        await page.Locator("#unit").SelectOptionAsync("tablet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log dose" }).ClickAsync();

        await Expect(page.Locator("ol.doses li")).ToHaveCountAsync(2);
        await Expect(page.Locator("li.total[data-kind=kratom]")).ToContainTextAsync("3 g");
        await Expect(page.Locator("li.total[data-kind=opioid]")).ToContainTextAsync("15 MME");
        await Browser.ScreenshotAsync(page, "today-after-logging");

        await page.Locator("#amount").FillAsync("0,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log dose" }).ClickAsync();
        await Expect(page.Locator("#amount-error")).ToContainTextAsync("decimal point");
        await Expect(page.Locator("#amount")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("ol.doses li")).ToHaveCountAsync(2);
        await Browser.ScreenshotAsync(page, "today-field-error");

        await page.Locator("header a.help").ClickAsync();
        await Expect(page.Locator("#res-988")).ToContainTextAsync("988");
        await Expect(page.Locator("#moud")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WithJavaScriptOff_SignInAddProductAndLogADose()
    {
        using var api = await _app.NewUserClientAsync("America/New_York", "noscript");
        var page = await PageAsync(javaScript: false);

        await page.GotoAsync("/signin");
        await page.Locator("#name").FillAsync("noscript");
        await page.Locator("#password").FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".error")).ToContainTextAsync("do not match");
        await page.Locator("#password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync("/products");
        await page.Locator("#name").FillAsync("Green caps");
        await page.Locator("#form").SelectOptionAsync("capsule");
        await page.Locator("#gpc").FillAsync("0.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add product" }).ClickAsync();

        await page.GotoAsync("/");
        await page.Locator("#amount").FillAsync("4");
        await page.Locator("#unit").SelectOptionAsync("capsule");
        await page.Locator("#takenAt").FillAsync("2026-11-25T07:15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log dose" }).ClickAsync();

        await Expect(page.Locator("#logged")).ToContainTextAsync("Logged 4 capsule of Green caps at 07:15");
        await Expect(page.Locator("li.total[data-kind=kratom]")).ToContainTextAsync("2 g");
        await Browser.ScreenshotAsync(page, "today-without-javascript");
    }
}
