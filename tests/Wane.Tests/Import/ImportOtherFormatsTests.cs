using System.Net;
using System.Text;
using System.Text.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Import;

/// <summary>A CSV of doses and a PsychonautWiki Journal export become doses and products, with a report of what was not mapped.</summary>
public class ImportOtherFormatsTests(WaneApp app) : IClassFixture<WaneApp>
{
    internal static string Sample(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Wane.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir!.FullName, "tests", "Wane.Tests", "Import", name);
    }

    private const string Csv = """
        local_date,local_time,product,kind,amount,unit,meal,note
        2026-11-24,08:30,Red Bali,kratom,2.5,g,before,morning
        2026-11-24,14:00,red bali,kratom,1,tsp,,
        2026-11-24,21:00,Oxycodone,,5,mg,,
        2026-11-24,22:00,Red Bali,kratom,-3,g,,
        2026-11-24,99:00,Red Bali,kratom,3,g,,
        """;

    [Fact]
    public async Task Csv_DryRunListsTheNewProductsAndBadLines_ThenValidOnlyStoresTheRest_Once()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        var bytes = Encoding.UTF8.GetBytes(Csv);

        var dry = await ImportApiTests.ImportAsync(client, "format=csv&dryRun=true", bytes, "text/csv");
        dry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await dry.JsonAsync();
        var rejected = report.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("path").GetString()).ToList();
        rejected.ShouldBe(["line 5.amount", "line 6.taken_at"], ignoreOrder: true, report.GetRawText());
        report.GetProperty("rejected").EnumerateArray().Single(r => r.GetProperty("path").GetString() == "line 5.amount")
            .GetProperty("reason").GetString().ShouldBe("The amount must be more than 0.");
        report.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain("A new product will be created: Oxycodone (opioid, oxycodone).");
        (await client.GetJsonAsync("/api/v1/products/")).GetArrayLength().ShouldBe(0);

        await (await ImportApiTests.ImportAsync(client, "format=csv", bytes, "text/csv")).ShouldBeProblemNamingAsync("line 5.amount");
        (await ImportApiTests.ImportAsync(client, "format=csv&validOnly=true", bytes, "text/csv")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var products = (await client.GetJsonAsync("/api/v1/products/")).EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("kind").GetString())).ToList();
        products.ShouldBe([("Oxycodone", "opioid"), ("Red Bali", "kratom")], ignoreOrder: true);
        var doses = (await client.GetJsonAsync("/api/v1/doses?from=2026-11-01&to=2026-11-30")).GetProperty("doses").EnumerateArray().ToList();
        doses.Count.ShouldBe(3);
        doses.Select(d => d.GetProperty("takenAt").GetString()).ShouldContain("2026-11-24T13:30:00Z");

        var again = await (await ImportApiTests.ImportAsync(client, "format=csv&validOnly=true", bytes, "text/csv")).JsonAsync();
        again.GetProperty("counts").EnumerateArray().Sum(c => c.GetProperty("add").GetInt32()).ShouldBe(0);
        (await client.DoseCountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task WanesOwnDosesCsv_ImportsBack()
    {
        var source = await app.NewUserClientAsync("America/New_York");
        var product = await source.CreateProductAsync(Intents.RedBali);
        await source.LogDoseOkAsync(new { productId = product, amount = 2.5, unit = "g", takenAt = "2026-11-25T13:30:00Z", note = "=1+1" });
        var csv = await (await source.GetAsync("/api/v1/export?format=csv&table=doses", TestContext.Current.CancellationToken)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var target = await app.NewUserClientAsync("America/New_York");

        var response = await ImportApiTests.ImportAsync(target, "format=csv", csv, "text/csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var dose = (await target.GetJsonAsync("/api/v1/doses?from=2026-11-01&to=2026-11-30")).GetProperty("doses")[0];
        (dose.GetProperty("takenAt").GetString(), dose.GetProperty("amount").GetDecimal(), dose.GetProperty("note").GetString()).ShouldBe(("2026-11-25T13:30:00Z", 2.5m, "=1+1"));
    }

    [Fact]
    public async Task PsychonautWikiJournal_IngestionsBecomeDoses_AndWhatCannotBeMappedIsReported()
    {
        var client = await app.NewUserClientAsync("Europe/Berlin");
        var bytes = await File.ReadAllBytesAsync(Sample("psychonautwiki-sample.json"), TestContext.Current.CancellationToken);

        var dry = await (await ImportApiTests.ImportAsync(client, "format=psychonautwiki&dryRun=true", bytes)).JsonAsync();
        var reasons = dry.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("path").GetString()!, r => r.GetProperty("reason").GetString()!);
        reasons.Keys.ShouldBe(["experiences[0].ingestions[3].dose", "experiences[0].ingestions[4].consumerName", "experiences[1].ingestions[0].customUnitId"], ignoreOrder: true);
        reasons["experiences[0].ingestions[3].dose"].ShouldContain("does not guess");

        var stored = await ImportApiTests.ImportAsync(client, "format=psychonautwiki&validOnly=true", bytes);
        stored.StatusCode.ShouldBe(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var products = (await client.GetJsonAsync("/api/v1/products/")).EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => (p.GetProperty("kind").GetString(), p.GetProperty("opioid").ValueKind == JsonValueKind.Null ? null : p.GetProperty("opioid").GetString()));
        products["Kratom"].ShouldBe(("kratom", null));
        products["Oxycodone"].ShouldBe(("opioid", "oxycodone"));
        products["Caffeine"].ShouldBe(("other", null));
        var doses = (await client.GetJsonAsync("/api/v1/doses?from=2026-11-01&to=2026-11-30")).GetProperty("doses").EnumerateArray().ToList();
        doses.Count.ShouldBe(4, string.Join(" ", doses.Select(d => d.GetRawText())));
        doses.ShouldContain(d => d.GetProperty("amount").GetDecimal() == 3.5m && d.GetProperty("unit").GetString() == "g" && d.GetProperty("note").GetString() == "red vein, with tea");

        var again = await (await ImportApiTests.ImportAsync(client, "format=psychonautwiki&validOnly=true", bytes)).JsonAsync();
        again.GetProperty("counts").EnumerateArray().Sum(c => c.GetProperty("add").GetInt32()).ShouldBe(0);
    }
}
