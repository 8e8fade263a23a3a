using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Json.Schema;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Export;

/// <summary>A person's whole record leaves the machine as versioned JSON or as CSV, and only theirs.</summary>
public class ExportApiTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static readonly JsonSchema ExportSchema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "export.schema.json")));

    /// <summary>A journal with one of everything: an edited and a deleted dose, a break, a plan with a hold, and check-ins.</summary>
    private static async Task<(long Product, long Kept)> FillAsync(HttpClient client)
    {
        var product = await client.CreateProductAsync(Intents.RedBali);
        var kept = (await client.LogDoseOkAsync(new { productId = product, amount = 2.5, unit = "g", takenAt = "2026-11-25T13:30:00Z", meal = "before", note = "=HYPERLINK(\"x\")" })).GetProperty("id").GetInt64();
        var gone = (await client.LogDoseOkAsync(new { productId = product, amount = 1, unit = "tsp", takenAt = "2026-11-24T23:30:00Z" })).GetProperty("id").GetInt64();
        (await client.PutAsJsonAsync($"/api/v1/doses/{kept}", new { productId = product, amount = 3, unit = "g", takenAt = "2026-11-25T13:30:00Z", meal = "before", note = "=HYPERLINK(\"x\")" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.DeleteAsync($"/api/v1/doses/{gone}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync("/api/v1/breaks", new { from = "2026-12-05", to = "2026-12-06", note = "weekend" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var plan = (await (await client.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 6, pace = new { kind = "percent", percent = 10 } })).JsonAsync()).GetProperty("id").GetInt64();
        (await client.PostAsJsonAsync($"/api/v1/plans/{plan}/hold", new { reason = "moving house" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = new[] { 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 3, sleep = 4, mood = 3, craving = 2, note = "ok" } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        return (product, kept);
    }

    [Fact]
    public async Task ExportJson_AFullJournal_HoldsEveryRecordAndMatchesThePublishedSchema()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        var (product, kept) = await FillAsync(client);

        var response = await client.GetAsync("/api/v1/export", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("wane-export-2026-11-25.json");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = doc.RootElement;
        var result = ExportSchema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        result.IsValid.ShouldBeTrue(string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        root.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        root.GetProperty("exportedAt").GetString().ShouldBe("2026-11-25T15:00:00Z");
        root.GetProperty("profile").GetProperty("timeZone").GetString().ShouldBe("America/New_York");
        root.GetProperty("products").EnumerateArray().Single().GetProperty("id").GetInt64().ShouldBe(product);
        var dose = root.GetProperty("doses").EnumerateArray().Single();
        (dose.GetProperty("id").GetInt64(), dose.GetProperty("amount").GetDecimal(), dose.GetProperty("takenAt").GetString(), dose.GetProperty("meal").GetString())
            .ShouldBe((kept, 3m, "2026-11-25T13:30:00Z", "before"));
        root.GetProperty("doseChanges").EnumerateArray().Select(c => c.GetProperty("action").GetString()).ShouldBe(["edited", "deleted"]);
        root.GetProperty("breaks").EnumerateArray().Single().GetProperty("note").GetString().ShouldBe("weekend");
        var plan = root.GetProperty("plans").EnumerateArray().Single();
        plan.GetProperty("request").GetProperty("phases")[0].GetProperty("substance").GetString().ShouldBe("kratom");
        plan.GetProperty("holds").EnumerateArray().Single().GetProperty("reason").GetString().ShouldBe("moving house");
        root.GetProperty("checkIns").EnumerateArray().Select(c => c.GetProperty("instrument").GetString()).ShouldBe(["sows", "daily"]);
        root.GetProperty("checkIns")[0].GetProperty("answers").GetArrayLength().ShouldBe(16);
    }

    [Fact]
    public async Task ExportCsv_Doses_HaveLocalTimesBesideUtcADecimalPointAndNoFormulas()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        await FillAsync(client);

        var response = await client.GetAsync("/api/v1/export?format=csv&table=doses", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("id,taken_at_utc,local_date,local_time,time_zone,product_id,product,kind,amount,unit,normalized_amount,normalized_unit,meal,reason,pain_before,note,client_id");
        lines.Length.ShouldBe(2);
        var fields = lines[1].Split(',');
        fields[1..5].ShouldBe(["2026-11-25T13:30:00Z", "2026-11-25", "08:30", "America/New_York"]);
        (fields[6], fields[7], decimal.Parse(fields[8], System.Globalization.CultureInfo.InvariantCulture), fields[9]).ShouldBe(("Red Bali", "kratom", 3m, "g"));
        fields[8].ShouldNotContain(",");
        lines[1].ShouldContain("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    [Fact]
    public async Task ExportCsv_WithoutATable_IsAZipOfDosesAndCheckIns()
    {
        var client = await app.NewUserClientAsync();
        await FillAsync(client);

        var response = await client.GetAsync("/api/v1/export?format=csv", TestContext.Current.CancellationToken);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        await using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        zip.Entries.Select(e => e.FullName).ShouldBe(["doses.csv", "checkins.csv"]);
        using var checkins = new StreamReader(zip.GetEntry("checkins.csv")!.Open());
        var rows = (await checkins.ReadToEndAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows.Length.ShouldBe(3);
        rows[1].ShouldContain(",sows,");
        rows[1].ShouldContain("1;1;1;1;0;0;0;0;0;0;0;0;0;0;0;2");
        rows[2].ShouldEndWith(",daily,,,,3,4,3,2,,ok");
    }

    [Theory]
    [InlineData("?format=xml", "format")]
    [InlineData("?format=csv&table=products", "table")]
    [InlineData("?format=json&table=doses", "table")]
    public async Task Export_BadQuery_Is400NamingTheField(string query, string field)
    {
        var client = await app.NewUserClientAsync();

        var response = await client.GetAsync("/api/v1/export" + query, TestContext.Current.CancellationToken);

        await response.ShouldBeProblemNamingAsync(field);
    }

    [Fact]
    public async Task Export_WithoutAToken_Is401()
    {
        (await app.Client().GetAsync("/api/v1/export", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ExportPage_SignedIn_DownloadsTheRecord_SignedOut_GoesToSignIn()
    {
        using var api = await app.NewUserClientAsync("UTC", "exporter");
        await api.CreateProductAsync(Intents.RedBali);
        using var browser = new Browserless(app.BaseAddress);
        var (_, before) = await browser.GetAsync("/export?format=json");
        before.ShouldContain("Sign in");
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = "exporter", ["Password"] = "correct horse battery" });

        var (profile, page) = await browser.GetAsync("/profile");
        var (download, json) = await browser.GetAsync("/export?format=json");

        profile.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("href=\"/export?format=json\"");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        JsonDocument.Parse(json).RootElement.GetProperty("profile").GetProperty("name").GetString().ShouldBe("exporter");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wane.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Wane.slnx not found");
    }
}
