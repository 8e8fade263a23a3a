using Microsoft.Playwright;
using Shouldly;
using Wane.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

/// <summary>Logging fast and safely in a real browser: the unit list with and without JavaScript, one tap, the repeated-time choice.</summary>
public sealed class LogFormFlowTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly WaneApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<(IPage Page, long Bali, long Oxy)> SignedInAsync(string name, bool javaScript = true, bool kratomThisMorning = false)
    {
        long bali, oxy;
        using (var api = await _app.NewUserClientAsync("America/New_York", name))
        {
            bali = await api.CreateProductAsync(Intents.RedBali);
            oxy = await api.CreateProductAsync(new { name = "Oxycodone 5 mg", kind = "opioid", form = "tablet", opioid = "oxycodone", mgPerTablet = 5 });
            await api.LogDoseOkAsync(new { productId = bali, amount = 2.5, unit = "tsp", takenAt = "2026-11-24T08:00:00-05:00" });
            if (kratomThisMorning)
            {
                await api.LogDoseOkAsync(new { productId = bali, amount = 3, unit = "g", takenAt = "2026-11-25T08:00:00-05:00" });
            }
        }
        var context = await browser.Chromium.NewContextAsync(new()
        {
            BaseURL = _app.BaseAddress.ToString(),
            TimezoneId = "America/New_York",
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#log-h")).ToBeVisibleAsync();
        return (page, bali, oxy);
    }

    private static async Task<string> UnitsAsync(IPage page) =>
        string.Join(' ', await page.Locator("#unit option").AllTextContentsAsync());

    [Fact]
    public async Task UnitList_WithJavaScript_FollowsTheChosenProduct()
    {
        var (page, _, _) = await SignedInAsync("js-units");

        // It starts on the product used last, in its last unit.
        (await page.Locator("#productId option:checked").TextContentAsync()).ShouldBe("Red Bali (kratom)");
        (await page.Locator("#unit").InputValueAsync()).ShouldBe("tsp");
        (await UnitsAsync(page)).ShouldBe("g tsp");

        await page.Locator("#productId").SelectOptionAsync(new SelectOptionValue { Label = "Oxycodone 5 mg (opioid)" });
        (await UnitsAsync(page)).ShouldBe("tablet mg");
        await Browser.ScreenshotAsync(page, "log-form-units-tablet");
        await page.Locator("#productId").SelectOptionAsync(new SelectOptionValue { Label = "Red Bali (kratom)" });
        (await UnitsAsync(page)).ShouldBe("g tsp");
        (await page.Locator("#unit").InputValueAsync()).ShouldBe("tsp");
    }

    [Fact]
    public async Task UnitList_WithoutJavaScript_RefusesAUnitThatDoesNotFitAndShowsTheRightOnes()
    {
        var (page, _, _) = await SignedInAsync("nojs-units", javaScript: false);
        (await UnitsAsync(page)).ShouldBe("g tsp");

        await page.Locator("#productId").SelectOptionAsync(new SelectOptionValue { Label = "Oxycodone 5 mg (opioid)" });
        (await UnitsAsync(page)).ShouldBe("g tsp"); // no script: the list is the server's until the form is sent
        await page.Locator("#amount").FillAsync("1");
        await page.Locator("#unit").SelectOptionAsync("g");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log dose" }).ClickAsync();

        await Expect(page.Locator("#unit-error")).ToContainTextAsync("not measured in g. Use one of: tablet, mg.");
        (await UnitsAsync(page)).ShouldBe("tablet mg");
        await Browser.ScreenshotAsync(page, "log-form-unit-refused-without-javascript");
        await page.Locator("#unit").SelectOptionAsync("tablet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log dose" }).ClickAsync();
        await Expect(page.Locator("#logged")).ToContainTextAsync("Logged 1 tablet of Oxycodone 5 mg");
    }

    [Fact]
    public async Task SameAsLastTime_OneTap_AsksBeforeACautionThenLogs()
    {
        var (page, _, _) = await SignedInAsync("one-tap", kratomThisMorning: true);

        await page.GetByRole(AriaRole.Button, new() { Name = "Same as last time: 3 g Red Bali" }).ClickAsync();

        // Two hours after this morning's kratom (R1: let it wear off): the same check and question as any dose.
        await Expect(page.Locator("#confirm")).ToContainTextAsync("Before you log this dose");
        await Browser.ScreenshotAsync(page, "same-as-last-time-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log anyway" }).ClickAsync();
        await Expect(page.Locator("#logged")).ToContainTextAsync("Logged 3 g of Red Bali at 10:00");
        await Expect(page.Locator("li.total[data-kind=kratom]")).ToContainTextAsync("6 g");
    }

    [Fact]
    public async Task RepeatedLocalTime_OffersBothInstants_AndSaysWhichWasStored()
    {
        var (page, _, _) = await SignedInAsync("fall-back");

        await page.Locator("#amount").FillAsync("2");
        await page.Locator("#unit").SelectOptionAsync("g");
        await page.Locator("#takenAt").FillAsync("2026-11-01T01:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log dose" }).ClickAsync();

        var choice = page.Locator("#time-choice");
        await Expect(choice).ToContainTextAsync("happened twice in America/New_York");
        await Expect(choice.GetByRole(AriaRole.Button)).ToHaveCountAsync(2);
        await Browser.ScreenshotAsync(page, "repeated-time-choice");
        await choice.GetByRole(AriaRole.Button, new() { Name = "01:30 UTC-05:00 (the second 01:30)" }).ClickAsync();

        await Expect(page.Locator("#logged")).ToContainTextAsync("Logged 2 g of Red Bali at 01:30 (the second 01:30, UTC-05:00)");
    }
}
