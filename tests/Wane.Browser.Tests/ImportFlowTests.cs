using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wane.Browser.Tests;

/// <summary>The import page in Chromium without JavaScript, at phone width: upload, read the dry run, confirm.</summary>
public sealed class ImportFlowTests(Browser browser) : SignedInPageTests(browser), IClassFixture<Browser>
{
    [Fact]
    public async Task Import_AtPhoneWidth_WithoutJavaScript_DryRunThenConfirm()
    {
        var page = await SignedInAsync("importer", javaScript: false);
        await page.SetViewportSizeAsync(320, 800);
        await page.GotoAsync("/profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a file" }).ClickAsync();

        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "doses.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("taken_at,product,kind,amount,unit\n2026-11-24T13:30:00Z,Red Bali,kratom,2.5,g\n2026-11-24T20:00:00Z,Red Bali,kratom,-1,g\n"),
        });
        await page.GetByLabel("CSV of doses").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Expect(page.Locator("#report")).ToHaveTextAsync("What this file would do");
        await Expect(page.Locator("ul.rejected")).ToContainTextAsync("line 3.amount");
        await Browser.ScreenshotAsync(page, "import-dry-run-320");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the 2 valid records" }).ClickAsync();

        await Expect(page.Locator("#report")).ToHaveTextAsync("Imported");
        await Browser.ScreenshotAsync(page, "import-done-320");
    }
}
