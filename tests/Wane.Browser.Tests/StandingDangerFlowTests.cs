using Microsoft.Playwright;
using NodaTime;
using Wane.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

/// <summary>An S1 danger stands on Today, with emergency services and naloxone, until its window has passed.</summary>
public sealed class StandingDangerFlowTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private WaneApp App { get; } = new();

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();

    [Fact]
    public async Task OpioidLoggedAfterKratom_DangerStandsOnTodayUntilTheWindowPasses()
    {
        const string name = "combined";
        using (var api = await App.NewUserClientAsync("America/New_York", name))
        {
            var kratom = await api.CreateProductAsync(Intents.RedBali);
            var oxy = await api.CreateProductAsync(new { name = "Oxycodone 5 mg", kind = "opioid", form = "tablet", opioid = "oxycodone", mgPerTablet = 5 });
            await api.LogDoseOkAsync(new { productId = kratom, amount = 3, unit = "g", takenAt = "2026-11-25T07:00:00-05:00" });
            await api.LogDoseOkAsync(new { productId = oxy, amount = 1, unit = "tablet", takenAt = "2026-11-25T09:30:00-05:00" });
        }
        var context = await browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var danger = page.Locator("#standing .advisory.danger[data-rule=S1]");
        await Expect(danger).ToContainTextAsync("You took oxycodone at 09:30 and kratom at 07:00");
        await Expect(danger).ToContainTextAsync("until 19:00");
        await Expect(danger.Locator("[data-resource=emergency] a")).ToHaveAttributeAsync("href", "tel:911");
        await Expect(danger.Locator("[data-resource=naloxone]")).ToContainTextAsync("Naloxone");
        // It stands above the log form, and its level reads as danger, never as success.
        await Expect(page.Locator("#standing .advisory").First).ToHaveAttributeAsync("data-rule", "S1");
        var colour = await danger.EvaluateAsync<string>("e => getComputedStyle(e).borderLeftColor");
        Assert.Equal("rgb(164, 22, 26)", colour);
        await Expect(page.Locator("#last-dose .wear-offs")).ToContainTextAsync("Oxycodone at 09:30: Wane has no sourced figure");
        await Expect(page.Locator("#last-dose .wear-offs")).ToContainTextAsync("Kratom at 07:00: effects should wear off by 13:00");
        await Browser.ScreenshotAsync(page, "today-standing-danger");

        App.Clock.Reset(WaneApp.Now + Duration.FromHours(9)); // 19:00 in New York
        await page.ReloadAsync();
        await Expect(page.Locator("#standing .advisory[data-rule=S1]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#last-dose .wear-offs")).ToContainTextAsync("effects should have worn off by 13:00");
    }
}
