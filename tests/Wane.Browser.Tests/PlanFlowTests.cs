using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

public sealed class PlanFlowTests(Browser browser) : SignedInPageTests(browser), IClassFixture<Browser>
{
    [Fact]
    public async Task CreatePlan_LivePreview_ThenSeeTodaysAllowance_AndPrint()
    {
        var page = await SignedInAsync("planner", withProduct: true);

        await page.GotoAsync("/plan/new");
        await Expect(page.Locator("aside.evidence")).ToContainTextAsync("no validated taper protocol for kratom");
        await page.Locator("#start0").FillAsync("12");
        await page.Locator("#paceValue0").FillAsync("10");
        await page.Locator("#doses0").FillAsync("3");
        await page.Locator("#res0").FillAsync("0.1");
        await Expect(page.Locator("#preview table.schedule tbody tr").First).ToContainTextAsync("12 g");
        await Expect(page.Locator("#preview")).ToContainTextAsync("10.8 g");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start this plan" }).ClickAsync();

        await Expect(page.Locator("#allowance-0")).ToHaveTextAsync("12 g");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a calendar link" }).ClickAsync();
        await Expect(page.Locator("#calendar-url")).ToContainTextAsync("/calendar/");
        await page.GotoAsync("/plan");
        await Expect(page.Locator("#calendar-url")).ToHaveCountAsync(0);
        await Expect(page.Locator("#calendar-since")).ToContainTextAsync("cannot show it again");
        await Browser.ScreenshotAsync(page, "plan");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Browser.ScreenshotAsync(page, "plan-print");
        await page.PdfAsync(new() { Path = Path.Combine(Browser.ArtifactsDir, "plan-print.pdf"), Format = "A4" });
        await Expect(page.Locator("header.top")).ToBeHiddenAsync();
        // A box for every day from the start to the first day at zero, however many pages that takes.
        var end = NodaTime.Text.LocalDatePattern.Iso.Parse((await page.Locator(".tick-sheet td").Last.GetAttributeAsync("data-date"))!).Value;
        (await page.Locator(".tick-sheet .tick").CountAsync()).ShouldBe(NodaTime.Period.DaysBetween(new NodaTime.LocalDate(2026, 11, 25), end) + 1);
        await Expect(page.Locator(".tick-sheet td").First).ToHaveAttributeAsync("data-date", "2026-11-25");

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync("/");
        await Expect(page.Locator(".plan-today")).ToContainTextAsync("allowance: 12 g");
    }

    [Fact]
    public async Task PlanForm_WithoutJavaScript_PreviewButtonAndFieldErrors()
    {
        var page = await SignedInAsync("noscript-planner", withProduct: true, javaScript: false);

        await page.GotoAsync("/plan/new");
        await page.Locator("#start0").FillAsync("12");
        await page.Locator("#paceValue0").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("#pace\\.percent-error")).ToBeVisibleAsync();

        await page.Locator("#paceValue0").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("#preview")).ToContainTextAsync("10.8 g");
    }
}
