using System.Net.Http.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

public class StatusApiTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task Status_TellsWhereThePersonStands()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        var red = await client.CreateProductAsync(new { name = "Red Bali", kind = "kratom", form = "powder", strain = "red" });
        await client.CreateProductAsync(new { name = "Green Malay", kind = "kratom", form = "powder", strain = "green" });
        await client.PutAsJsonAsync("/api/v1/guardrails", new Dictionary<string, object> { ["R4"] = new { values = new { kratomCap = 10 } } });
        await client.PostAsJsonAsync("/api/v1/breaks", new { from = "2026-12-05", to = "2026-12-07" });
        await client.LogDoseOkAsync(new { productId = red, amount = 3, unit = "g", takenAt = "2026-11-22T09:00:00-05:00" });
        await client.LogDoseOkAsync(new { productId = red, amount = 2.5, unit = "g", takenAt = "2026-11-25T08:30:00-05:00" });

        var status = await client.GetJsonAsync("/api/v1/status");

        status.GetProperty("date").GetString().ShouldBe("2026-11-25");
        status.GetProperty("lastDose").GetProperty("localTime").GetString().ShouldBe("08:30");
        status.GetProperty("kratomWearsOffLocal").GetString().ShouldBe("14:30");
        var kratom = status.GetProperty("totals")[0];
        kratom.GetProperty("amount").GetDecimal().ShouldBe(2.5m);
        kratom.GetProperty("cap").GetDecimal().ShouldBe(10m);
        status.GetProperty("suggestedStrain").GetString().ShouldBe("green");
        status.GetProperty("lastKratomFreeDay").GetString().ShouldBe("2026-11-24");
        status.GetProperty("daysSinceKratomFree").GetInt32().ShouldBe(1);
        status.GetProperty("nextBreak").GetProperty("from").GetString().ShouldBe("2026-12-05");
        status.GetProperty("advisories").EnumerateArray().ShouldContain(a => a.GetProperty("rule").GetString() == "R1");
    }

    [Fact]
    public async Task Status_NewPerson_HasNothingYet()
    {
        var client = await app.NewUserClientAsync();
        var status = await client.GetJsonAsync("/api/v1/status");
        status.GetProperty("totals").GetArrayLength().ShouldBe(0);
        status.GetProperty("advisories").GetArrayLength().ShouldBe(0);
    }
}
