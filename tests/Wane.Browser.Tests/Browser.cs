using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Wane.Browser.Tests;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser), with screenshots kept as artifacts.</summary>
public sealed class Browser : IAsyncLifetime
{
    private static readonly string[] ChromiumPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    /// <summary>Content-Security-Policy violations seen by any page of a context made by <see cref="NewContextAsync"/>.</summary>
    public ConcurrentQueue<string> CspViolations { get; } = new();

    /// <summary>
    /// A browser context that records every Content-Security-Policy violation (the <c>securitypolicyviolation</c>
    /// event and Chromium's console report of it); the fixture fails when the test class ends if there was one.
    /// <paramref name="into"/> records them elsewhere instead (a test that causes one on purpose).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options, ConcurrentQueue<string>? into = null)
    {
        var violations = into ?? CspViolations;
        var context = await Chromium.NewContextAsync(options);
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', function (e) {
                console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
            });
            """);
        context.Console += (_, message) =>
        {
            if (IsViolation(message.Text, message.Page?.Url))
            {
                violations.Enqueue($"{message.Page?.Url} {message.Location}: {message.Text}");
            }
        };
        return context;
    }

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root.</summary>
    public static string ArtifactsDir { get; } = FindArtifacts();

    public async ValueTask InitializeAsync()
    {
        var executable = ChromiumPaths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed: run ./scripts/test, which installs Debian's chromium package.");
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private static bool IsViolation(string text, string? pageUrl) =>
        (text.Contains("CSP violation", StringComparison.Ordinal) || text.Contains("Content Security Policy", StringComparison.Ordinal))
        // The API reference bundles zod, which probes once whether `new Function` is allowed and, when the policy
        // refuses it, validates without compiling. That refusal is the policy working, not a page that breaks; it is
        // tolerated on that page only. A refused eval on any other page is a violation like the rest.
        && !(IsEvalRefusal(text) && IsApiReference(pageUrl));

    private static bool IsEvalRefusal(string text) =>
        text.Contains("blocked eval", StringComparison.Ordinal) || text.Contains("'unsafe-eval'", StringComparison.Ordinal);

    private static bool IsApiReference(string? pageUrl) =>
        Uri.TryCreate(pageUrl, UriKind.Absolute, out var url) && url.AbsolutePath.TrimEnd('/').Equals("/api", StringComparison.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync()
    {
        if (!CspViolations.IsEmpty)
        {
            throw new InvalidOperationException("Content-Security-Policy violations:\n" + string.Join("\n", CspViolations.Distinct()));
        }
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }
        _playwright?.Dispose();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDir, name + ".png"), FullPage = true });

    /// <summary>The repository root (where Wane.slnx is).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Wane.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? AppContext.BaseDirectory;
    }

    private static string FindArtifacts()
    {
        var path = Path.Combine(FindRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
