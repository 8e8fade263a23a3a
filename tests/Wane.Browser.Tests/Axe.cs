namespace Wane.Browser.Tests;

/// <summary>axe-core from .tools/ (installed by scripts/test), evaluated in the page (the CSP forbids an added script).</summary>
internal static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(Browser.RepositoryRoot, ".tools", "node_modules", "axe-core", "axe.min.js")) + ";\nundefined");

    public static async Task<string[]> ViolationsAsync(Microsoft.Playwright.IPage page)
    {
        await page.EvaluateAsync(Source.Value);
        return await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
    }
}
