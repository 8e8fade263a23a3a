using Microsoft.Playwright;
using Wane.Tests.Support;

namespace Wane.Browser.Tests;

/// <summary>A fresh app per test class instance, and a page signed in as a new person.</summary>
public abstract class SignedInPageTests(Browser browser) : IAsyncLifetime
{
    protected WaneApp App { get; } = new();

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates <paramref name="name"/> (New York time), optionally with a Red Bali product, and signs in.</summary>
    protected async Task<IPage> SignedInAsync(string name, bool withProduct = false, bool javaScript = true)
    {
        using var api = await App.NewUserClientAsync("America/New_York", name);
        if (withProduct)
        {
            await api.CreateProductAsync(Intents.RedBali);
        }
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = App.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }
}
