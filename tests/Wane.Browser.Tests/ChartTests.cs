using System.Net.Http.Json;
using Microsoft.Playwright;
using Shouldly;
using Wane.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

/// <summary>
/// The charts on Today, Plan, Check-ins and Guardrails (tolerance), and History's month grid: drawn by the server (so
/// with JavaScript on and off), at 320 px and at desktop width without sideways scrolling, with no axe-core violation
/// and no Content-Security-Policy violation, each chart with its summary and its table.
/// </summary>
public sealed class ChartTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Name = "charts";

    private WaneApp App { get; } = new();

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();

    /// <summary>The charts each page must show for the seeded journal.</summary>
    private static readonly (string Path, string[] Charts)[] Pages =
    [
        ("/", ["recent-kratom", "recent-opioid"]),
        ("/plan", ["plan-kratom"]),
        ("/checkins", ["checkins-sows", "checkins-cows", "daily-pain", "daily-sleep"]),
        ("/guardrails", ["tolerance-kratom", "tolerance-opioid"]),
        ("/history", []),
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Charts_AtPhoneAndDesktopWidths_RenderWithoutSidewaysScroll_AndPassAxe(bool javaScript)
    {
        await SeedAsync();
        var context = await browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString(), JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await SignInAsync(page);
        var failures = new List<string>();
        foreach (var width in new[] { 320, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var (path, charts) in Pages)
            {
                await page.GotoAsync(path);
                foreach (var id in charts)
                {
                    var figure = page.Locator($"figure#{id}");
                    await Expect(figure.Locator("svg.chart")).ToBeVisibleAsync();
                    await Expect(figure.Locator("figcaption")).Not.ToBeEmptyAsync();
                    (await figure.Locator("details table tbody tr").CountAsync()).ShouldBeGreaterThan(0, id);
                    (await figure.Locator("svg [style]").CountAsync()).ShouldBe(0, id);
                    var box = await figure.Locator("svg.chart").BoundingBoxAsync();
                    box!.Width.ShouldBeLessThanOrEqualTo(width, id);
                    box.Height.ShouldBeGreaterThan(100, id);
                }
                if (path == "/history")
                {
                    await CalendarAsync(page, width);
                }
                var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                if (size[0] > size[1])
                {
                    failures.Add($"{path} at {width}px scrolls sideways: {size[0]} > {size[1]}");
                }
                if (javaScript)
                {
                    failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{path} at {width}px: {v}"));
                }
                await Browser.ScreenshotAsync(page, $"charts-{width}-{(javaScript ? "js" : "nojs")}{(path == "/" ? "-today" : path.Replace('/', '-'))}");
            }
        }
        failures.ShouldBeEmpty();
        browser.CspViolations.ShouldBeEmpty();
        await context.CloseAsync();
    }

    /// <summary>The month grid: seven columns inside the page, every day of November, today and the kratom-free day marked in words.</summary>
    private static async Task CalendarAsync(IPage page, int width)
    {
        var grid = page.Locator("table.calendar");
        await Expect(grid).ToBeVisibleAsync();
        (await grid.BoundingBoxAsync())!.Width.ShouldBeLessThanOrEqualTo(width);
        (await grid.Locator("td.day").CountAsync()).ShouldBe(30);
        (await grid.Locator("thead th").CountAsync()).ShouldBe(7);
        await Expect(grid.Locator("td[aria-current=date]")).ToContainTextAsync("today");
        await Expect(grid.Locator("td[aria-current=date] time")).ToHaveAttributeAsync("datetime", "2026-11-25");
        await Expect(grid.Locator("td.free")).ToHaveCountAsync(1);
        await Expect(grid.Locator("td.free")).ToContainTextAsync("free");
        await Expect(grid.Locator("td.free time")).ToHaveAttributeAsync("datetime", "2026-11-14");
        await Expect(grid.Locator("td:has(time[datetime='2026-11-10'])")).ToContainTextAsync("15 MME");
        await Expect(grid.Locator("td:has(time[datetime='2026-11-10'])")).ToContainTextAsync("red");
        // Every day's box lies inside the grid: nothing spills out of a narrow column.
        var spill = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('table.calendar td.day')].filter(td => td.scrollWidth > td.clientWidth + 1).length");
        spill.ShouldBe(0);
        await Expect(page.Locator("ul.strain-days li")).ToHaveCountAsync(20);
    }

    [Fact]
    public async Task TodayChart_InDarkMode_DrawsInThePagesTextColour()
    {
        await SeedAsync();
        var context = await browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString(), ColorScheme = ColorScheme.Dark, ViewportSize = new() { Width = 390, Height = 900 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page);
        await page.GotoAsync("/");
        var colours = await page.EvaluateAsync<string[]>("() => [getComputedStyle(document.body).color, getComputedStyle(document.querySelector('svg.chart')).color, getComputedStyle(document.querySelector('svg.chart text')).fill]");
        colours[1].ShouldBe(colours[0]);
        colours[2].ShouldBe(colours[0]);
        await Browser.ScreenshotAsync(page, "charts-390-dark-today");
        await context.CloseAsync();
    }

    private async Task SeedAsync()
    {
        using var api = await App.NewUserClientAsync("America/New_York", Name);
        var kratom = await api.CreateProductAsync(Intents.RedBali);
        var opioid = await api.CreateProductAsync(new { name = "Morphine", kind = "opioid", form = "tablet", opioid = "morphine", mgPerTablet = 15 });
        (await api.PutAsJsonAsync("/api/v1/guardrails", new Dictionary<string, object> { ["R4"] = new { values = new { kratomCap = 10 } } })).EnsureSuccessStatusCode();
        var plan = await (await api.PostAsJsonAsync("/api/v1/plans", new
        {
            substance = "kratom", startAmount = 12, unit = "g", pace = new { kind = "percent", percent = 10 },
            intervalDays = 7, dosesPerDay = 3, resolution = 0.1, startDate = "2026-11-04",
        })).JsonAsync();
        (await api.PostAsJsonAsync($"/api/v1/plans/{plan.GetProperty("id").GetInt64()}/hold", new { from = "2026-11-16", reason = "rough week" })).EnsureSuccessStatusCode();
        App.Clock.AdvanceDays(-6);
        (await api.PostAsync($"/api/v1/plans/{plan.GetProperty("id").GetInt64()}/resume", null)).EnsureSuccessStatusCode();
        App.Clock.AdvanceDays(6);
        for (var day = 5; day <= 25; day++)
        {
            if (day == 14)
            {
                continue; // a kratom-free day
            }
            await api.LogDoseOkAsync(new { productId = kratom, amount = 12.5m - (day * 0.25m), unit = "g", takenAt = $"2026-11-{day:00}T09:00:00-05:00" });
            if (day % 5 == 0)
            {
                await api.LogDoseOkAsync(new { productId = opioid, amount = 1, unit = "tablet", takenAt = $"2026-11-{day:00}T07:30:00-05:00" });
            }
        }
        for (var day = 6; day <= 24; day += 3)
        {
            var level = day < 15 ? 2 : 1;
            (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", takenAt = $"2026-11-{day:00}T10:00:00-05:00", answers = Enumerable.Repeat(level, 16) })).EnsureSuccessStatusCode();
            (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", takenAt = $"2026-11-{day:00}T21:00:00-05:00", answers = new { pain = 8 - (day / 4), sleep = 2 + (day / 10), mood = 2 + (day / 12), craving = 9 - (day / 3) } })).EnsureSuccessStatusCode();
        }
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "cows", takenAt = "2026-11-20T11:00:00-05:00", answers = new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3 } })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "cows", takenAt = "2026-11-24T11:00:00-05:00", answers = new[] { 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0 } })).EnsureSuccessStatusCode();
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/signin");
        await page.Locator("#name").FillAsync(Name);
        await page.Locator("#password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("footer button", new() { HasText = "Sign out" })).ToHaveCountAsync(1);
    }
}
