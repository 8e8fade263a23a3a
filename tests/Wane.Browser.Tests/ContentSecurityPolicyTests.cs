using System.Collections.Concurrent;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

/// <summary>
/// Every page works under the strict Content-Security-Policy: no violation on any page, the scripts moved out
/// of the pages (plan preview, time-zone detection, print) still run, and an inline script really is blocked.
/// </summary>
public sealed class ContentSecurityPolicyTests(Browser browser) : SignedInPageTests(browser), IClassFixture<Browser>
{
    private readonly Browser _browser = browser;

    [Fact]
    public async Task EveryPage_UnderThePolicy_HasNoViolationAndItsScriptsRun()
    {
        var page = await SignedInAsync("csp", withProduct: true);

        foreach (var path in new[] { "/", "/history", "/products", "/plan", "/checkins", "/checkins/sows", "/checkins/daily", "/guardrails", "/profile", "/tokens", "/help", "/api" })
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await Expect(page.Locator("body")).ToContainTextAsync("/api/v1/doses", new() { Timeout = 15_000 });

        await page.GotoAsync("/plan/new");
        await page.Locator("#start0").FillAsync("12");
        await page.Locator("#paceValue0").FillAsync("10");
        // The preview refreshes from site.js as the form changes, without a submit.
        await Expect(page.Locator("#preview")).ToContainTextAsync("percent 10%", new() { Timeout = 10_000 });

        _browser.CspViolations.ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusedEval_IsAViolationOnEveryPage_ButTheApiReference()
    {
        // Recorded apart, so these deliberate refusals do not fail the fixture.
        var seen = new ConcurrentQueue<string>();
        var context = await _browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString() }, seen);
        var page = await context.NewPageAsync();
        // In a later task: DevTools lets the evaluated script itself eval (allowUnsafeEvalBlockedByCSP), not the page.
        const string Eval = "() => new Promise(done => setTimeout(() => { try { done(new Function('return 1')() === 1); } catch { done(false); } }, 0))";

        await page.GotoAsync("/api");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.EvaluateAsync<bool>(Eval)).ShouldBeFalse();
        await page.WaitForTimeoutAsync(200);
        seen.ShouldBeEmpty();

        await page.GotoAsync("/help");
        (await page.EvaluateAsync<bool>(Eval)).ShouldBeFalse();
        await Expect(page.Locator("body")).ToBeVisibleAsync();
        for (var i = 0; i < 20 && seen.IsEmpty; i++)
        {
            await page.WaitForTimeoutAsync(100);
        }
        seen.ShouldNotBeEmpty();
        seen.ShouldAllBe(v => v.Contains("/help", StringComparison.Ordinal));
        await context.CloseAsync();
    }

    [Fact]
    public async Task InlineScript_IsBlockedAndReported()
    {
        // A context of its own, so this deliberate violation does not fail the fixture.
        var context = await _browser.Chromium.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var reports = new List<string>();
        page.Console += (_, m) => reports.Add(m.Text);
        await page.GotoAsync("/help");

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.ranInline = true'; document.body.appendChild(s); }");

        (await page.EvaluateAsync<bool>("() => window.ranInline === true")).ShouldBeFalse();
        reports.ShouldContain(r => r.Contains("Content Security Policy", StringComparison.Ordinal));
        await context.CloseAsync();
    }
}
