using Microsoft.Playwright;
using Shouldly;
using Wane.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

public sealed class ApiReferenceTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly WaneApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task ApiReference_RendersTheJournalEndpoints_WithoutCallingAnyOtherHost()
    {
        var context = await browser.Chromium.NewContextAsync(new() { BaseURL = _app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var hosts = new List<string>();
        page.Request += (_, request) => hosts.Add(new Uri(request.Url).Host);

        await page.GotoAsync("/api");

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Browser.ScreenshotAsync(page, "api-reference");
        await Expect(page.Locator("body")).ToContainTextAsync("Authorization: Bearer", new() { Timeout = 15_000 });
        await Expect(page.Locator("body")).ToContainTextAsync("/api/v1/doses");
        hosts.Distinct().ShouldBe(["127.0.0.1"]);
    }

    [Fact]
    public async Task EveryPage_LoadsOnlyFromThisServer()
    {
        using var api = await _app.NewUserClientAsync("UTC", "pages");
        var context = await browser.Chromium.NewContextAsync(new() { BaseURL = _app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var hosts = new List<string>();
        page.Request += (_, request) => hosts.Add(new Uri(request.Url).Host);
        await page.GotoAsync("/signin");
        await page.Locator("#name").FillAsync("pages");
        await page.Locator("#password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        foreach (var path in new[] { "/", "/history", "/products", "/profile", "/tokens", "/help" })
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            await Expect(page.Locator("footer")).ToContainTextAsync("Wane is not medical advice");
            await Expect(page.Locator("header a.help")).ToHaveAttributeAsync("href", "/help");
        }
        hosts.Distinct().ShouldBe(["127.0.0.1"]);
    }
}
