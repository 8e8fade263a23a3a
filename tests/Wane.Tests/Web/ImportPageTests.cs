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

    [Fact]
    public async Task ImportPage_APsychonautWikiFile_ListsWhatCannotBeMapped_ThenImportsTheRest()
    {
        var (api, browser) = await SignedInAsync();
        var file = await File.ReadAllBytesAsync(Import.ImportOtherFormatsTests.Sample("psychonautwiki-sample.json"), TestContext.Current.CancellationToken);

        var (_, report) = await browser.UploadAsync("/import", "/import?handler=Check", new Dictionary<string, string> { ["format"] = "psychonautwiki" }, "file", "journal.json", file);

        report.ShouldContain("experiences[0].ingestions[3].dose");
        report.ShouldContain("experiences[1].ingestions[0].customUnitId");
        report.ShouldContain("Kratom becomes a new product of kind kratom.");
        (await api.DoseCountAsync()).ShouldBe(0);
        var (_, done) = await browser.PostFromAsync(report, "/import?handler=Confirm", new Dictionary<string, string> { ["key"] = Key().Match(report).Groups[1].Value, ["validOnly"] = "true" });
        done.ShouldContain("Imported");
        (await api.DoseCountAsync()).ShouldBe(4);
        (await api.GetJsonAsync("/api/v1/products/")).EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["Caffeine", "Kratom", "Oxycodone"], ignoreOrder: true);
        api.Dispose();
        browser.Dispose();
    }

    [Fact]
    public async Task ImportPage_AWaneExport_GoesIntoAnotherAccountWhole_AndASecondTimeListsWhatIsAlreadyThere()
    {
        using var source = await app.NewUserClientAsync();
        var product = await source.CreateProductAsync(Intents.RedBali);
        await source.LogDoseOkAsync(new { productId = product, amount = 2.5, unit = "g", takenAt = "2026-11-24T13:30:00Z", note = "from the old phone" });
        await source.LogDoseOkAsync(new { productId = product, amount = 3, unit = "g", takenAt = "2026-11-25T08:00:00Z", clientId = Guid.NewGuid() });
        var export = await (await source.GetAsync("/api/v1/export", TestContext.Current.CancellationToken)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var (api, browser) = await SignedInAsync();

        var (_, report) = await browser.UploadAsync("/import", "/import?handler=Check", new Dictionary<string, string> { ["format"] = "wane" }, "file", "wane-export.json", export);
        report.ShouldContain("What this file would do");
        report.ShouldContain("Import 3 records");
        var (_, done) = await browser.PostFromAsync(report, "/import?handler=Confirm", new Dictionary<string, string> { ["key"] = Key().Match(report).Groups[1].Value });

        done.ShouldContain("Imported");
        var doses = (await api.GetJsonAsync("/api/v1/doses?from=2026-11-01&to=2026-11-30")).GetProperty("doses").EnumerateArray().ToList();
        doses.Select(d => d.GetProperty("amount").GetDecimal()).ShouldBe([3m, 2.5m], ignoreOrder: true);
        doses.ShouldContain(d => d.GetProperty("note").GetString() == "from the old phone");
        var (_, again) = await browser.UploadAsync("/import", "/import?handler=Check", new Dictionary<string, string> { ["format"] = "wane" }, "file", "wane-export.json", export);
        again.ShouldContain("Already there (3 skipped)");
        again.ShouldContain("doses[1]");
        api.Dispose();
        browser.Dispose();
    }

    private async Task<(HttpClient Api, Browserless Browser)> SignedInAsync()
    {
        var name = "importer-" + Guid.NewGuid().ToString("N")[..6];
        var api = await app.NewUserClientAsync("UTC", name);
        var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        return (api, browser);
    }

    [GeneratedRegex("name=\"key\" value=\"([0-9A-F]+)\"")]
    private static partial Regex Key();
}
