using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Import;

/// <summary>An export far larger than the old 20 MB limit goes back in whole.</summary>
public class ImportLargeExportTests(WaneApp app) : IClassFixture<WaneApp>
{
    private const int Doses = 45_000;

    [Fact]
    public async Task AnExportOf45000Doses_ImportsBackWhole_AndItsReExportHoldsTheSameDoses()
    {
        var ct = TestContext.Current.CancellationToken;
        var source = await app.NewUserClientAsync();
        var product = await source.CreateProductAsync(Intents.RedBali);
        await source.LogDoseOkAsync(new { productId = product, amount = 2.5, unit = "g", takenAt = "2026-11-25T13:30:00Z", meal = "before", reason = "pain", painBefore = 4, note = "with tea" });
        var one = JsonNode.Parse(await Raw(source).GetByteArrayAsync("/api/v1/export", ct))!.AsObject();
        var dose = one["doses"]![0]!.AsObject();
        // The journal of a heavy user: the one dose repeated every 20 minutes back in time, each its own.
        var doses = new JsonArray();
        var first = DateTimeOffset.Parse("2026-11-25T13:30:00Z", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < Doses; i++)
        {
            var copy = dose.DeepClone().AsObject();
            copy["id"] = i + 1;
            copy["takenAt"] = first.AddMinutes(-20 * i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            copy["clientId"] = Guid.NewGuid();
            doses.Add(copy);
        }
        one["doses"] = doses;
        var file = Encoding.UTF8.GetBytes(one.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var target = await app.NewUserClientAsync();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new("application/json");
        var response = await Raw(target).PostAsync("/api/v1/import?format=wane", content, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        var export = await Raw(target).GetByteArrayAsync("/api/v1/export", ct);
        export.Length.ShouldBeGreaterThan(20 * 1024 * 1024, "the export is larger than the old limit");
        var back = JsonDocument.Parse(export).RootElement.GetProperty("doses");
        back.GetArrayLength().ShouldBe(Doses);
        var sent = JsonDocument.Parse(file).RootElement.GetProperty("doses");
        Keys(back).SetEquals(Keys(sent)).ShouldBeTrue("every dose of the file is in the re-export");
        Without(back[Doses - 1]).ShouldBe(Without(sent[Doses - 1]));
        TestContext.Current.TestOutputHelper?.WriteLine($"{Doses} doses: a {file.Length:N0}-byte file, {file.Length / Doses} bytes a dose; re-exported {export.Length:N0} bytes");
    }

    /// <summary>Each dose's client id and time, which make it that dose.</summary>
    private static HashSet<string> Keys(JsonElement doses) =>
        [.. doses.EnumerateArray().Select(d => d.GetProperty("clientId").GetString() + " " + d.GetProperty("takenAt").GetString())];

    /// <summary>A dose without the ids that differ from one account to another.</summary>
    private static string Without(JsonElement dose)
    {
        var o = JsonNode.Parse(dose.GetRawText())!.AsObject();
        o.Remove("id");
        o.Remove("productId");
        return o.ToJsonString();
    }

    /// <summary>The client's credentials without the contract check, which would hold tens of megabytes of body to a schema.</summary>
    private HttpClient Raw(HttpClient client)
    {
        var raw = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        raw.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization is { } a ? new AuthenticationHeaderValue(a.Scheme, a.Parameter) : null;
        return raw;
    }
}
