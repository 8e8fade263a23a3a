using Microsoft.Playwright;
using Shouldly;
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
        await Expect(page.Locator("#saved")).ToContainTextAsync("What you can do now");
        await Expect(page.Locator("#saved details.source")).ToContainTextAsync("NIDA CTN");
        await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData("self-harm", "988")]
    [InlineData("seizure", "emergency")]
    [InlineData("fainting", "emergency")]
    [InlineData("chest-pain", "emergency")]
    [InlineData("breathing", "emergency")]
    [InlineData("confusion", "emergency")]
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Daily_LoneSelfHarmFlag_CrisisCardFirstWithTel988(bool javaScript)
    {
        var page = await SignedInAsync("lone-988-" + (javaScript ? "js" : "nojs"), javaScript: javaScript);

        await page.GotoAsync("/checkins/daily");
        await page.Locator("input[name=RedFlags][value='self-harm']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();

        var card = page.Locator("main > #red-flags:first-child");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator("[data-resource='988'] a.contact[href='tel:988']")).ToBeVisibleAsync();
        await Expect(card.Locator("[data-resource='988'] a[href='sms:988']")).ToBeVisibleAsync();
        await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(1);
        var box = await card.Locator("a.contact[href='tel:988']").BoundingBoxAsync();
        box.ShouldNotBeNull().Height.ShouldBeGreaterThanOrEqualTo(44);
        if (javaScript)
        {
            await Browser.ScreenshotAsync(page, "lone-red-flag-988");
        }
    }

    [Theory]
    [InlineData("seizure")]
    [InlineData("fainting")]
    [InlineData("chest-pain")]
    [InlineData("breathing")]
    [InlineData("confusion")]
    public async Task Daily_LoneEmergencyFlag_CrisisCardFirstWithTel911(string flag)
    {
        var page = await SignedInAsync("lone-" + flag);

        await page.GotoAsync("/checkins/daily");
        await page.Locator($"input[name=RedFlags][value='{flag}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();

        await Expect(page.Locator("main > #red-flags:first-child [data-resource='emergency'] a.contact[href='tel:911']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Sows_Incomplete_ErrorSummaryFocusedAtTheTop_LinksMoveToTheItem()
    {
        var page = await SignedInAsync("sows-summary");

        await page.GotoAsync("/checkins/sows");
        for (var item = 1; item <= 16; item++)
        {
            if (item != 5)
            {
                await page.Locator($"#item-{item} input[value='1']").CheckAsync();
            }
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();

        var summary = page.Locator("main > #error-summary:first-child");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.Locator("a")).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(page, "sows-error-summary");
        await summary.Locator("a[href='#answer-5']").ClickAsync();
        await Expect(page.Locator("#answer-5")).ToBeFocusedAsync();
        await Expect(page.Locator("#item-4 input[value='1']")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Sows_Severe_RedCareCard_NeverGreen()
    {
        var page = await SignedInAsync("sows-severe");

        await page.GotoAsync("/checkins/sows");
        for (var item = 1; item <= 16; item++)
        {
            await page.Locator($"#item-{item} input[value='{(item <= 6 ? 4 : 0)}']").CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();

        var card = page.Locator("#saved.care.urgent");
        await Expect(card).ToContainTextAsync("Severe withdrawal: call a clinician today");
        var head = await card.Locator(".care-head").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        head.ShouldBe("rgb(164, 22, 26)");
        await Expect(card.Locator("a[href='tel:+1-800-662-4357']")).ToBeVisibleAsync();
        await Expect(card.Locator("details.source")).Not.ToHaveAttributeAsync("open", "");
        await Browser.ScreenshotAsync(page, "sows-severe");
    }
}
