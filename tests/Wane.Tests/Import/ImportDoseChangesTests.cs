using System.Net;
using System.Text;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Import;

/// <summary>The audit trail of an import: the edits of the doses it adds come along, checked; those of deleted doses are skipped.</summary>
public class ImportDoseChangesTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static string Snapshot(decimal amount, string unit, string note) =>
        $$"""{"productId":7,"amount":{{amount}},"unit":"{{unit}}","takenAt":"2026-11-20T10:00:00Z","meal":null,"reason":null,"painBefore":null,"note":"{{note}}","normalizedAmount":{{amount}},"normalizedUnit":"g"}""";

    private static byte[] File() => Encoding.UTF8.GetBytes($$"""
        {"format":"wane-export","schemaVersion":1,"guardrails":null,
         "products":[{"id":7,"name":"Green Malay","kind":"kratom","strain":null,"form":"powder","opioid":null,"otherClass":null,"gramsPerCapsule":null,"gramsPerTeaspoon":null,"mgPerTablet":null,"mgPerMl":null,"concentrated7OH":false,"inStock":true,"batch":null,"favourites":[],"createdAt":"2026-11-01T00:00:00Z","updatedAt":"2026-11-01T00:00:00Z"}],
         "doses":[{"id":1,"productId":7,"kind":"kratom","amount":3,"unit":"g","takenAt":"2026-11-20T10:00:00Z","meal":null,"reason":null,"painBefore":null,"note":"after","clientId":null,"normalizedAmount":3,"normalizedUnit":"g","normalizationNote":null,"createdAt":"2026-11-20T10:00:00Z","updatedAt":"2026-11-20T11:00:00Z"}],
         "doseChanges":[
           {"id":1,"doseId":1,"at":"2026-11-20T11:00:00Z","action":"edited","before":{{Snapshot(2, "g", "before")}},"after":{{Snapshot(3, "g", "after")}}},
           {"id":2,"doseId":1,"at":"2026-11-20T12:00:00Z","action":"edited","before":{{Snapshot(3, "g", "after")}},"after":{{Snapshot(3, "bananas", "x")}}},
           {"id":3,"doseId":9,"at":"2026-11-21T08:00:00Z","action":"deleted","before":{{Snapshot(1, "g", "gone")}},"after":null}],
         "breaks":[],"plans":[],"checkIns":[]}
        """);

    [Fact]
    public async Task TheEditsOfAnImportedDose_ComeWithIt_ABadOneIsRejected_ADeletedDosesAreSkipped()
    {
        var client = await app.NewUserClientAsync();

        var dry = await (await ImportApiTests.ImportAsync(client, "dryRun=true", File())).JsonAsync();
        dry.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "doseChanges").GetRawText()
            .ShouldBe("""{"kind":"doseChanges","add":1,"skip":1,"reject":1}""");
        dry.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("path").GetString()).ShouldBe(["doseChanges[1]"]);
        dry.GetProperty("skippedRecords").EnumerateArray().Single().GetProperty("reason").GetString()!.ShouldContain("deleted before the export");

        var stored = await ImportApiTests.ImportAsync(client, "validOnly=true", File());
        stored.StatusCode.ShouldBe(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var dose = (await client.GetJsonAsync("/api/v1/doses?from=2026-11-01&to=2026-11-30")).GetProperty("doses").EnumerateArray().Single();
        var product = dose.GetProperty("productId").GetInt64();
        var history = (await client.GetJsonAsync($"/api/v1/doses/{dose.GetProperty("id").GetInt64()}/history")).EnumerateArray().Single();
        history.GetProperty("at").GetString().ShouldBe("2026-11-20T11:00:00Z");
        history.GetProperty("before").GetProperty("note").GetString().ShouldBe("before");
        history.GetProperty("before").GetProperty("productId").GetInt64().ShouldBe(product);
        history.GetProperty("after").GetProperty("amount").GetDecimal().ShouldBe(3m);
    }
}
