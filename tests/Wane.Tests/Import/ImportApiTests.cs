using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Import;

/// <summary>A record exported from one Wane and imported into another reads the same, once, and a bad file stores nothing.</summary>
public class ImportApiTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static async Task FillAsync(HttpClient client)
    {
        var product = await client.CreateProductAsync(Intents.RedBali);
        var oxy = await client.CreateProductAsync(new { name = "Oxycodone 5 mg", kind = "opioid", form = "tablet", opioid = "oxycodone", mgPerTablet = 5 });
        var kept = (await client.LogDoseOkAsync(new { productId = product, amount = 2.5, unit = "g", takenAt = "2026-11-25T13:30:00Z", meal = "before", note = "ok" })).GetProperty("id").GetInt64();
        await client.LogDoseOkAsync(new { productId = product, amount = 1, unit = "tsp", takenAt = "2026-11-24T23:30:00Z", clientId = Guid.NewGuid() });
        await client.LogDoseOkAsync(new { productId = oxy, amount = 1, unit = "tablet", takenAt = "2026-11-25T02:00:00Z" });
        (await client.PutAsJsonAsync($"/api/v1/doses/{kept}", new { productId = product, amount = 3, unit = "g", takenAt = "2026-11-25T13:30:00Z", meal = "before" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var gone = (await client.LogDoseOkAsync(new { productId = product, amount = 4, unit = "g", takenAt = "2026-11-23T09:00:00Z" })).GetProperty("id").GetInt64();
        (await client.DeleteAsync($"/api/v1/doses/{gone}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync("/api/v1/breaks", new { from = "2026-12-05", to = "2026-12-06", note = "weekend" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var plan = (await (await client.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 6, pace = new { kind = "percent", percent = 10 } })).JsonAsync()).GetProperty("id").GetInt64();
        (await client.PostAsJsonAsync($"/api/v1/plans/{plan}/hold", new { reason = "moving house" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = new[] { 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 3, sleep = 4, mood = 3, craving = 2, note = "ok" } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PutAsJsonAsync("/api/v1/guardrails", new Dictionary<string, object> { ["R1"] = new { values = new { interval = 5 } }, ["R3"] = new { enabled = false } })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    internal static Task<HttpResponseMessage> ImportAsync(HttpClient client, string query, byte[] body, string type = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new(type);
        return client.PostAsync("/api/v1/import?" + query, content);
    }

    /// <summary>What a person sees, without the ids and links that differ from one instance to another.</summary>
    private static async Task<string> ListingsAsync(HttpClient client)
    {
        var parts = new[]
        {
            "/api/v1/products/", "/api/v1/doses?from=2026-11-01&to=2026-11-30", "/api/v1/days/2026-11-25", "/api/v1/days/2026-11-24",
            "/api/v1/breaks/?all=true", "/api/v1/plans/current", "/api/v1/checkins/?from=2026-11-01&to=2026-11-30", "/api/v1/me",
            "/api/v1/guardrails",
        };
        var text = new StringBuilder();
        foreach (var path in parts)
        {
            text.AppendLine(path).AppendLine(Strip(JsonNode.Parse((await client.GetJsonAsync(path)).GetRawText()))?.ToJsonString());
        }
        // Each dose's change history, in the order of the listing.
        foreach (var dose in (await client.GetJsonAsync("/api/v1/doses?from=2026-11-01&to=2026-11-30")).GetProperty("doses").EnumerateArray())
        {
            var history = await client.GetJsonAsync($"/api/v1/doses/{dose.GetProperty("id").GetInt64()}/history");
            text.AppendLine("history of " + dose.GetProperty("takenAt").GetString()).AppendLine(Strip(JsonNode.Parse(history.GetRawText()))?.ToJsonString());
        }
        return text.ToString();
    }

    private static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (key is "id" or "name" && o[key] is JsonValue v && v.TryGetValue<long>(out _) || key.EndsWith("Id", StringComparison.Ordinal) || key.Contains("Url", StringComparison.Ordinal)
                        || key is "id" or "links" or "href")
                    {
                        o.Remove(key);
                    }
                    else
                    {
                        Strip(o[key]);
                    }
                }
                if (o["name"] is JsonValue n && n.TryGetValue<string>(out var s) && s.StartsWith("user-", StringComparison.Ordinal))
                {
                    o.Remove("name");
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Strip(item);
                }
                break;
        }
        return node;
    }

    [Fact]
    public async Task ExportFromOneWane_ImportedIntoAFreshOne_ReadsTheSame_AndASecondImportChangesNothing()
    {
        var source = await app.NewUserClientAsync("America/New_York");
        await FillAsync(source);
        var export = await (await source.GetAsync("/api/v1/export", TestContext.Current.CancellationToken)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var expected = await ListingsAsync(source);

        await using var other = new WaneApp();
        await other.InitializeAsync();
        var target = await other.NewUserClientAsync();

        var defaults = (await target.GetJsonAsync("/api/v1/guardrails")).GetRawText();
        var dry = await ImportAsync(target, "format=wane&dryRun=true", export);
        dry.StatusCode.ShouldBe(HttpStatusCode.OK, await dry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var report = await dry.JsonAsync();
        report.GetProperty("stored").GetBoolean().ShouldBeFalse();
        Counts(report).ShouldBe(["products 2/0/0", "doses 3/0/0", "doseChanges 1/1/0", "breaks 1/0/0", "plans 1/0/0", "checkIns 2/0/0", "guardrails 1/0/0"]);
        (await target.DoseCountAsync()).ShouldBe(0);

        var first = await ImportAsync(target, "format=wane", export);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await first.JsonAsync()).GetProperty("stored").GetBoolean().ShouldBeTrue();
        (await ListingsAsync(target)).ShouldBe(expected);
        (await target.GetJsonAsync("/api/v1/guardrails")).GetRawText().ShouldNotBe(defaults);

        var second = await ImportAsync(target, "format=wane", export);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await second.JsonAsync();
        Counts(again).ShouldBe(["products 0/2/0", "doses 0/3/0", "doseChanges 0/2/0", "breaks 0/1/0", "plans 0/1/0", "checkIns 0/2/0", "guardrails 0/1/0"]);
        var skipped = again.GetProperty("skippedRecords").EnumerateArray().Select(r => r.GetProperty("path").GetString()).ToList();
        skipped.ShouldBe(["products[0]", "products[1]", "doses[0]", "doses[1]", "doses[2]", "doseChanges[0]", "doseChanges[1]", "breaks[0]", "plans[0]", "checkIns[0]", "checkIns[1]"], ignoreOrder: true);
        again.GetProperty("skippedRecords").EnumerateArray().Select(r => r.GetProperty("reason").GetString()).ShouldContain(r => r!.Contains("client id", StringComparison.Ordinal));
        (await ListingsAsync(target)).ShouldBe(expected);
    }

    private static string[] Counts(JsonElement report) =>
        [.. report.GetProperty("counts").EnumerateArray().Select(c => $"{c.GetProperty("kind").GetString()} {c.GetProperty("add").GetInt32()}/{c.GetProperty("skip").GetInt32()}/{c.GetProperty("reject").GetInt32()}")];

    private static byte[] OneBadDose()
    {
        var doc = JsonNode.Parse("""
            {"format":"wane-export","schemaVersion":1,"exportedAt":"2026-11-25T15:00:00Z",
             "profile":{"name":"x","timeZone":"UTC","dayStartHour":0,"preferredUnit":"g","holdThreshold":11,"holdRise":6,"createdAt":"2026-11-01T00:00:00Z"},
             "guardrails":null,
             "products":[{"id":7,"name":"Green Malay","kind":"kratom","strain":null,"form":"powder","opioid":null,"otherClass":null,"gramsPerCapsule":null,"gramsPerTeaspoon":null,"mgPerTablet":null,"mgPerMl":null,"concentrated7OH":false,"inStock":true,"batch":null,"favourites":[],"createdAt":"2026-11-01T00:00:00Z","updatedAt":"2026-11-01T00:00:00Z"}],
             "doses":[
               {"id":1,"productId":7,"kind":"kratom","amount":2,"unit":"g","takenAt":"2026-11-20T10:00:00Z","meal":null,"reason":null,"painBefore":null,"note":null,"clientId":null,"normalizedAmount":2,"normalizedUnit":"g","normalizationNote":null,"createdAt":"2026-11-20T10:00:00Z","updatedAt":"2026-11-20T10:00:00Z"},
               {"id":2,"productId":7,"kind":"kratom","amount":-1,"unit":"g","takenAt":"2026-11-21T10:00:00Z","meal":null,"reason":null,"painBefore":null,"note":null,"clientId":null,"normalizedAmount":null,"normalizedUnit":null,"normalizationNote":null,"createdAt":"2026-11-21T10:00:00Z","updatedAt":"2026-11-21T10:00:00Z"},
               {"id":3,"productId":7,"kind":"kratom","amount":5,"unit":"tablet","takenAt":"2026-11-22T10:00:00Z","meal":null,"reason":null,"painBefore":null,"note":null,"clientId":null,"normalizedAmount":null,"normalizedUnit":null,"normalizationNote":null,"createdAt":"2026-11-21T10:00:00Z","updatedAt":"2026-11-21T10:00:00Z"},
               {"id":4,"productId":99,"kind":"kratom","amount":1,"unit":"g","takenAt":"2026-11-22T10:00:00Z","meal":null,"reason":null,"painBefore":null,"note":null,"clientId":null,"normalizedAmount":null,"normalizedUnit":null,"normalizationNote":null,"createdAt":"2026-11-21T10:00:00Z","updatedAt":"2026-11-21T10:00:00Z"},
               {"id":5,"productId":7}],
             "doseChanges":[],"breaks":[],"plans":[],"checkIns":[]}
            """)!;
        return Encoding.UTF8.GetBytes(doc.ToJsonString());
    }

    [Fact]
    public async Task AFileWithInvalidRows_StoresNothing_UnlessOnlyTheValidRowsAreChosen()
    {
        var client = await app.NewUserClientAsync();

        var dry = await ImportAsync(client, "dryRun=true", OneBadDose());
        dry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await dry.JsonAsync();
        Counts(report).ShouldContain("doses 1/0/4");
        var paths = report.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("path").GetString()).ToList();
        paths.ShouldContain("doses[1].amount");
        paths.ShouldContain("doses[2].unit");
        paths.ShouldContain("doses[3].productId");
        paths.ShouldContain(p => p!.StartsWith("doses[4]", StringComparison.Ordinal));

        var refused = await ImportAsync(client, "", OneBadDose());
        await refused.ShouldBeProblemNamingAsync("doses[1].amount");
        (await client.GetJsonAsync("/api/v1/products/")).GetArrayLength().ShouldBe(0);
        (await client.DoseCountAsync()).ShouldBe(0);

        var valid = await ImportAsync(client, "validOnly=true", OneBadDose());
        valid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.DoseCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task GuardrailSettings_AreCheckedAsAPutIs_AndTakenOnlyIntoAnAccountWithTheDefaults()
    {
        static byte[] File(string guardrails) => Encoding.UTF8.GetBytes(
            $$"""{"format":"wane-export","schemaVersion":1,"guardrails":{{guardrails}},"products":[],"doses":[],"doseChanges":[],"breaks":[],"plans":[],"checkIns":[]}""");
        var client = await app.NewUserClientAsync();
        var defaults = (await client.GetJsonAsync("/api/v1/guardrails")).GetRawText();

        var bad = await ImportAsync(client, "", File("""{"R1":{"values":{"interval":-1}},"R9":{"enabled":true}}"""));
        await bad.ShouldBeProblemNamingAsync("guardrails.R1.interval");
        await bad.ShouldBeProblemNamingAsync("guardrails.R9");
        (await client.GetJsonAsync("/api/v1/guardrails")).GetRawText().ShouldBe(defaults);

        var taken = await ImportAsync(client, "", File("""{"R3":{"enabled":false}}"""));
        Counts(await taken.JsonAsync()).ShouldContain("guardrails 1/0/0");
        var after = await client.GetJsonAsync("/api/v1/guardrails");
        after.GetRawText().ShouldNotBe(defaults);

        var kept = await ImportAsync(client, "", File("""{"R3":{"enabled":true}}"""));
        var report = await kept.JsonAsync();
        Counts(report).ShouldContain("guardrails 0/1/0");
        report.GetProperty("notes").EnumerateArray().ShouldContain(n => n.GetString()!.Contains("guardrail settings are kept", StringComparison.Ordinal));
        (await client.GetJsonAsync("/api/v1/guardrails")).GetRawText().ShouldBe(after.GetRawText());
    }

    [Theory]
    [InlineData("wane", "{\"format\":\"wane-export\",\"schemaVersion\":1,\"doses\":[{\"id\":1", "file")]
    [InlineData("wane", "{\"format\":\"wane-export\",\"schemaVersion\":2,\"doses\":[]}", "schemaVersion")]
    [InlineData("wane", "{\"schemaVersion\":1}", "format")]
    [InlineData("wane", "[1,2,3]", "file")]
    [InlineData("csv", "when,product\n2026-11-25T10:00:00Z,Red Bali\n", "columns")]
    [InlineData("csv", "", "file")]
    [InlineData("psychonautwiki", "{\"ingestions\":[]}", "experiences")]
    [InlineData("nonsense", "{}", "format")]
    public async Task ABadFile_IsAProblemNamingTheField_AndStoresNothing(string format, string body, string field)
    {
        var client = await app.NewUserClientAsync();

        var response = await ImportAsync(client, "format=" + format, Encoding.UTF8.GetBytes(body));

        await response.ShouldBeProblemNamingAsync(field);
        (await client.GetJsonAsync("/api/v1/products/")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task AFileNotInUtf8_IsRefusedClearly()
    {
        var client = await app.NewUserClientAsync();
        var latin1 = Encoding.Latin1.GetBytes("taken_at,product,amount,unit\n2026-11-25T10:00:00Z,Caf\u00e9 kratom,2,g\n");

        var response = await ImportAsync(client, "format=csv", latin1, "text/csv");

        await response.ShouldBeProblemNamingAsync("file");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("not UTF-8");
    }

    [Fact]
    public async Task AFileOverTheLimit_IsA413_NotReadIntoMemory()
    {
        var client = await app.NewUserClientAsync();
        // 200 MB announced: the answer comes before the body is sent (Expect: 100-continue is never granted).
        using var declared = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import?dryRun=true") { Content = new Spaces(200L * 1024 * 1024) };
        declared.Headers.ExpectContinue = true;
        // No length announced: reading stops at the limit (128 MB), one chunk past it.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import") { Content = new Spaces((128L * 1024 * 1024) + 10, announced: false) };
        chunked.Headers.TransferEncodingChunked = true;

        var streamed = await client.SendAsync(chunked, TestContext.Current.CancellationToken);
        var big = await client.SendAsync(declared, TestContext.Current.CancellationToken);

        big.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        big.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await big.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("128 MB");
        streamed.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await client.GetJsonAsync("/api/v1/products/")).GetArrayLength().ShouldBe(0);
    }

    /// <summary>A body of spaces of a given length, made only as it is sent, with its length announced or not.</summary>
    private sealed class Spaces(long length, bool announced = true) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[81920];
            Array.Fill(chunk, (byte)' ');
            for (long sent = 0; sent < length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return announced;
        }
    }
}
