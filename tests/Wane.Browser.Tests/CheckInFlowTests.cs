using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

public sealed class CheckInFlowTests(Browser browser) : SignedInPageTests(browser), IClassFixture<Browser>
{
    [Fact]
    public async Task Sows_OneScreen_ScoresWithBand()
    {
        var page = await SignedInAsync("sows-taker");

        await page.GotoAsync("/checkins/sows");
        await page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();
        await Expect(page.Locator("#answers\\[0\\]-error")).ToBeVisibleAsync();
        for (var item = 1; item <= 16; item++)
        {
            await page.Locator($"#item-{item} input[value='{(item <= 6 ? 2 : 0)}']").CheckAsync();
        }
        await Browser.ScreenshotAsync(page, "sows");
        await page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();

        await Expect(page.Locator("#saved")).ToContainTextAsync("SOWS 12 / 64 — moderate");
        await Expect(page.Locator("#saved")).ToContainTextAsync("NIDA CTN");
        await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData("self-harm", "988")]
    [InlineData("seizure", "emergency")]
    [InlineData("fainting", "emergency")]
    [InlineData("chest-pain", "emergency")]
    [InlineData("breathing", "emergency")]
    [InlineData("liver", "clinician")]
    public async Task Daily_RedFlag_ShowsItsResourceAtTheTop(string flag, string resource)
    {
        var page = await SignedInAsync("flag-" + flag);

        await page.GotoAsync("/checkins/daily");
        await page.Locator("#pain").FillAsync("3");
        await page.Locator("#sleep").FillAsync("2");
        await page.Locator("#mood").FillAsync("2");
        await page.Locator("#craving").FillAsync("6");
        await page.Locator($"input[name=RedFlags][value='{flag}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();

        var alert = page.Locator("main > #red-flags");
        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert.Locator($"[data-resource='{resource}']")).ToBeVisibleAsync();
        if (flag == "self-harm")
        {
            await Browser.ScreenshotAsync(page, "red-flag-988");
        }
    }
}
