using System.Net.Http.Json;
using Microsoft.Playwright;
using Shouldly;
using Wane.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

/// <summary>
/// Every page a signed-in person can reach, at 320 and 390 px: no sideways scrolling, no axe-core
/// violations, and a screenshot of each kept as an artifact. One app and one signed-in context for
/// the whole sweep, so it stays fast.
/// </summary>
public sealed class PhoneWidthTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Name = "phone";

    private WaneApp App { get; } = new();

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();

    [Fact]
    public async Task EveryPage_AtPhoneWidths_FitsWithoutSidewaysScroll_AndHasNoAxeViolations()
    {
        var (doseId, productId) = await SeedAsync();
        var (sharedPath, linkPath) = await ShareWithAsync(Name);
        var page = await SignedInAsync(Name, javaScript: true);
        await page.GotoAsync("/tokens");
        await page.Locator("#tokenName").FillAsync("phone shortcut");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(page.Locator("#new-token")).ToBeVisibleAsync();

        string[] paths =
        [
            "/", "/history", $"/doses/{doseId}", "/products", $"/products/{productId}", "/guardrails", "/plan", "/plan/new", "/report",
            "/checkins", "/checkins/sows", "/checkins/cows", "/checkins/daily", "/help", "/profile", "/import", "/sessions", "/password", "/two-factor", "/passkeys", "/tokens", "/sharing", "/shared", sharedPath, linkPath, "/admin", "/account/delete", "/account/deleted", "/no-such-page", "/api",
        ];
        var failures = new List<string>();
        foreach (var width in new[] { 320, 390 })
        {
            await page.SetViewportSizeAsync(width, 800);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                await CheckAsync(page, path, width, failures);
            }
            // The phone menu, opened, fits too.
            await page.GotoAsync("/");
            await page.Locator("details.menu > summary").ClickAsync();
            await Expect(page.Locator("details.menu nav a[href='/plan']")).ToBeVisibleAsync();
            await CheckAsync(page, "/#menu", width, failures);
            // The printable schedule, as the printer sees it.
            await page.GotoAsync("/plan");
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await CheckAsync(page, "/plan#print", width, failures);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }
        failures.ShouldBeEmpty();

        // Desktop screenshots of a few pages, to compare.
        await page.SetViewportSizeAsync(1280, 900);
        foreach (var path in new[] { "/", "/history", "/plan", "/checkins", "/guardrails", "/no-such-page" })
        {
            await page.GotoAsync(path);
            await Browser.ScreenshotAsync(page, "desktop" + Slug(path));
        }
    }

    [Fact]
    public async Task MissingPage_ShowsTheErrorPageInsideTheLayout_ApiKeepsProblemDetails()
    {
        await SeedAsync();
        var page = await SignedInAsync(Name, javaScript: false);
        var response = await page.GotoAsync("/no-such-page");
        response!.Status.ShouldBe(404);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Expect(page.Locator("header a.help")).ToHaveAttributeAsync("href", "/help");
        await Expect(page.Locator("details.menu nav a[href='/']")).ToHaveCountAsync(1);
        await Expect(page.Locator("main a[href='tel:988']")).ToBeVisibleAsync();

        var api = await page.APIRequest.GetAsync("/api/v1/no-such-thing");
        api.Status.ShouldBe(404);
        api.Headers["content-type"].ShouldStartWith("application/problem+json");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignOut_FromAnyPage_LandsOnSignIn_AndTheOldPageNoLongerShows(bool javaScript)
    {
        await SeedAsync();
        var page = await SignedInAsync(Name, javaScript);
        foreach (var (path, viaMenu) in new[] { ("/plan", false), ("/checkins/sows", true) })
        {
            await page.GotoAsync(path);
            if (viaMenu)
            {
                await page.Locator("details.menu > summary").ClickAsync();
                await page.Locator("details.menu").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            }
            else
            {
                await page.Locator("footer").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            }
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));
            await Expect(page.Locator("#password")).ToBeVisibleAsync();
            await page.GotoAsync(path);
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
            await Expect(page.Locator("footer button", new() { HasText = "Sign out" })).ToHaveCountAsync(0);
            await SignInAsync(page, Name);
        }
    }

    private static async Task CheckAsync(IPage page, string path, int width, List<string> failures)
    {
        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scroll, inner) = (size[0], size[1]);
        if (scroll > inner)
        {
            failures.Add($"{path} at {width}px scrolls sideways: {scroll} > {inner}");
        }
        // Evaluated rather than added as a <script>: the page's Content-Security-Policy forbids inline
        // script, and the audit must not need the policy loosened.
        await page.EvaluateAsync(AxeSource.Value);
        // On /api, Scalar's own rendering (#app, a third-party component) is left out; Wane's parts of the page are checked.
        var context = path == "/api" ? "{ exclude: [['#app']] }" : "document";
        var violations = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(" + context + ", { resultTypes: ['violations'] })).violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
        failures.AddRange(violations.Select(v => $"{path} at {width}px: {v}"));
        await Browser.ScreenshotAsync(page, $"phone-{width}{Slug(path)}");
    }

    private static string Slug(string path) => path == "/" ? "-today" : path.Replace('/', '-').Replace('#', '-');

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(AxePath!) + ";\nundefined");

    /// <summary>axe-core from .tools/ (installed by scripts/test), injected from disk: no network.</summary>
    private static string AxePath { get; } = Path.Combine(Browser.RepositoryRoot, ".tools", "node_modules", "axe-core", "axe.min.js") switch
    {
        var p when File.Exists(p) => p,
        var p => throw new InvalidOperationException($"axe-core is missing at {p}: run ./scripts/test, which installs it."),
    };

    private async Task<(long DoseId, long ProductId)> SeedAsync()
    {
        using var api = await App.NewUserClientAsync("America/New_York", Name);
        var product = await api.CreateProductAsync(Intents.RedBali);
        await api.LogDoseOkAsync(new { productId = product, amount = 3, unit = "g", takenAt = "2026-11-24T08:00:00-05:00" });
        var dose = (await api.LogDoseOkAsync(new { productId = product, amount = 2.5, unit = "g", takenAt = "2026-11-25T07:00:00-05:00" })).GetProperty("id").GetInt64();
        (await api.PostAsJsonAsync("/api/v1/plans", new
        {
            substance = "kratom", startAmount = 12, unit = "g", pace = new { kind = "percent", percent = 10 },
            intervalDays = 7, dosesPerDay = 3, resolution = 0.1, startDate = "2026-11-20",
        })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = new[] { 1, 2, 1, 0, 2, 1, 1, 0, 2, 1, 0, 1, 2, 1, 0, 1 } })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "cows", answers = new[] { 4, 4, 5, 5, 4, 4, 5, 4, 4, 4, 5 } })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 3, sleep = 2, mood = 2, craving = 6, note = "hard day", redFlags = Array.Empty<string>() } })).EnsureSuccessStatusCode();
        return (dose, product);
    }

    /// <summary>
    /// Another person shares their record with <paramref name="viewer"/> (plan, check-ins and doses) and makes a
    /// secret link; returns the viewer's page of it and the link's page (the person seeded first is the instance's
    /// admin, so /admin is in the sweep too).
    /// </summary>
    private async Task<(string Shared, string Link)> ShareWithAsync(string viewer)
    {
        using var api = await App.NewUserClientAsync("Europe/London", "phone-sharer");
        var product = await api.CreateProductAsync(Intents.RedBali);
        await api.LogDoseOkAsync(new { productId = product, amount = 4, unit = "g", takenAt = "2026-11-24T09:00:00Z" });
        (await api.PostAsJsonAsync("/api/v1/plans", new
        {
            substance = "kratom", startAmount = 10, unit = "g", pace = new { kind = "percent", percent = 10 },
            intervalDays = 7, dosesPerDay = 2, resolution = 0.5, startDate = "2026-11-18",
        })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = new[] { 2, 2, 1, 1, 2, 1, 1, 0, 2, 1, 1, 1, 2, 1, 0, 1 } })).EnsureSuccessStatusCode();
        var account = await api.PostAsJsonAsync("/api/v1/shares", new { to = viewer, scopes = new[] { "plan", "checkins", "doses" } });
        account.EnsureSuccessStatusCode();
        var id = (await account.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("share").GetProperty("id").GetInt64();
        var link = await api.PostAsJsonAsync("/api/v1/shares", new { link = true, scopes = new[] { "plan", "checkins" }, expires = "2026-12-20", label = "Dr Lee" });
        link.EnsureSuccessStatusCode();
        var url = (await link.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("url").GetString().ShouldNotBeNull();
        return ($"/shared/{id}", new Uri(url).PathAndQuery);
    }

    private async Task<IPage> SignedInAsync(string name, bool javaScript)
    {
        var context = await browser.Chromium.NewContextAsync(new()
        {
            BaseURL = App.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, name);
        return page;
    }

    private static async Task SignInAsync(IPage page, string name)
    {
        await page.GotoAsync("/signin");
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("footer button", new() { HasText = "Sign out" })).ToHaveCountAsync(1);
    }
}
