using Microsoft.Playwright;
using Shouldly;
using Wane.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

public sealed class PlanFlowTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly WaneApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IPage> SignedInAsync(string name, bool javaScript = true)
    {
        using var api = await _app.NewUserClientAsync("America/New_York", name);
        await api.CreateProductAsync(Intents.RedBali);
        var context = await browser.Chromium.NewContextAsync(new() { BaseURL = _app.BaseAddress.ToString(), JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task CreatePlan_LivePreview_ThenSeeTodaysAllowance_AndPrint()
    {
        var page = await SignedInAsync("planner");

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
        await Expect(page.Locator("#calendar-url")).ToContainTextAsync("/calendar/");
        await Browser.ScreenshotAsync(page, "plan");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Browser.ScreenshotAsync(page, "plan-print");
        await page.PdfAsync(new() { Path = Path.Combine(Browser.ArtifactsDir, "plan-print.pdf"), Format = "A4" });
        await Expect(page.Locator("header.top")).ToBeHiddenAsync();
        (await page.Locator("table.schedule .tick").CountAsync()).ShouldBeGreaterThan(7);

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync("/");
        await Expect(page.Locator(".plan-today")).ToContainTextAsync("allowance: 12 g");
    }

    [Fact]
    public async Task PlanForm_WithoutJavaScript_PreviewButtonAndFieldErrors()
    {
        var page = await SignedInAsync("noscript-planner", javaScript: false);

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
