using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>The import page works without JavaScript: upload, read the dry run, confirm.</summary>
public partial class ImportPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task ImportPage_ShowsTheDryRun_ThenStoresOnlyOnConfirm()
    {
        var name = "importer-" + Guid.NewGuid().ToString("N")[..6];
        using var api = await app.NewUserClientAsync("UTC", name);
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        (await browser.GetAsync("/profile")).Html.ShouldContain("href=\"/import\"");
        var csv = Encoding.UTF8.GetBytes("taken_at,product,kind,amount,unit\n2026-11-24T13:30:00Z,Red Bali,kratom,2.5,g\n2026-11-24T20:00:00Z,Red Bali,kratom,-1,g\n");

        var (_, report) = await browser.UploadAsync("/import", "/import?handler=Check", new Dictionary<string, string> { ["format"] = "csv" }, "file", "doses.csv", csv);

        report.ShouldContain("What this file would do");
        report.ShouldContain("line 3.amount");
        report.ShouldContain("Import the 2 valid records");
        (await api.DoseCountAsync()).ShouldBe(0);

        var key = Key().Match(report).Groups[1].Value;
        var (_, done) = await browser.PostFromAsync(report, "/import?handler=Confirm", new Dictionary<string, string> { ["key"] = key, ["validOnly"] = "true" });

        done.ShouldContain("Imported");
        (await api.DoseCountAsync()).ShouldBe(1);
        (await browser.PostFromAsync(report, "/import?handler=Confirm", new Dictionary<string, string> { ["key"] = key })).Html.ShouldContain("expired");
    }

    [Fact]
    public async Task ImportPage_ABadFile_IsShownAtTheField()
    {
        var name = "importer-" + Guid.NewGuid().ToString("N")[..6];
        using var api = await app.NewUserClientAsync("UTC", name);
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });

        var (_, html) = await browser.UploadAsync("/import", "/import?handler=Check", new Dictionary<string, string> { ["format"] = "wane" }, "file", "cut.json", Encoding.UTF8.GetBytes("{\"format\":"));

        html.ShouldContain("not valid JSON");
        html.ShouldContain("aria-invalid=\"true\"");
    }

    [GeneratedRegex("name=\"key\" value=\"([0-9A-F]+)\"")]
    private static partial Regex Key();
}
