using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

public sealed class GuardrailFlowTests(Browser browser) : SignedInPageTests(browser), IClassFixture<Browser>
{
    private static async Task LogAsync(IPage page, string amount, string? at = null)
    {
        await page.Locator("#amount").FillAsync(amount);
        if (at is not null)
        {
            await page.Locator("#takenAt").FillAsync(at);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Log dose" }).ClickAsync();
    }

    [Fact]
    public async Task TwoKratomDosesTwoHoursApart_ShowR1Caution_ConfirmLogsBoth()
    {
        var page = await SignedInAsync("twice", withProduct: true);

        await LogAsync(page, "2", "2026-11-25T08:00");
        await Expect(page.Locator("#logged")).ToContainTextAsync("at 08:00");
        await LogAsync(page, "2");

        var r1 = page.Locator("#confirm .advisory[data-rule=R1]");
        await Expect(r1).ToContainTextAsync("caution");
        await Expect(r1.Locator(".source")).ToContainTextAsync("DEA");
        await Expect(page.Locator("ol.doses li")).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(page, "guardrail-confirm");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log anyway" }).ClickAsync();

        await Expect(page.Locator("#logged")).ToContainTextAsync("at 10:00");
        await Expect(page.Locator("ol.doses li")).ToHaveCountAsync(2);
        await Expect(page.Locator("li.total[data-kind=kratom]")).ToContainTextAsync("4 g");
    }

    [Fact]
    public async Task DontLog_LeavesTheJournalAsItWas()
    {
        var page = await SignedInAsync("declined", withProduct: true);

        await LogAsync(page, "2", "2026-11-25T09:00");
        await LogAsync(page, "3");
        await Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Don't log" }).ClickAsync();

        await Expect(page.Locator("#confirm")).ToHaveCountAsync(0);
        await Expect(page.Locator("ol.doses li")).ToHaveCountAsync(1);
    }
}
