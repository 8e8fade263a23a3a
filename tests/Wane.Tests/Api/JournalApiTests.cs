using System.Net;
using System.Net.Http.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

public class JournalApiTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task LogDose_KratomCapsules_StoresGramsOfProduct()
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(new { name = "Green Maeng Da caps", kind = "kratom", form = "capsule", strain = "green", gramsPerCapsule = 0.5 });

        var dose = await client.LogDoseOkAsync(new { productId = product, amount = 6, unit = "capsule", meal = "before", reason = "pain", painBefore = 6, note = "morning" });

        dose.GetProperty("normalized").GetProperty("amount").GetDecimal().ShouldBe(3m);
        dose.GetProperty("normalized").GetProperty("unit").GetString().ShouldBe("g");
        dose.GetProperty("meal").GetString().ShouldBe("before");
        dose.GetProperty("takenAt").GetString().ShouldBe("2026-11-25T15:00:00Z");
    }

    [Fact]
    public async Task LogDose_OpioidTablets_StoresMmeWithCdcFactor()
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(new { name = "Oxycodone 5 mg", kind = "opioid", form = "tablet", opioid = "oxycodone", mgPerTablet = 5 });

        var dose = await client.LogDoseOkAsync(new { productId = product, amount = 2, unit = "tablet" });

        dose.GetProperty("normalized").GetProperty("amount").GetDecimal().ShouldBe(15m);
        dose.GetProperty("normalized").GetProperty("unit").GetString().ShouldBe("MME");
    }

    [Fact]
    public async Task LogDose_UncalibratedTeaspoon_IsStoredFlaggedAndNotCounted()
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(new { name = "Loose leaf", kind = "kratom", form = "powder" });

        var dose = await client.LogDoseOkAsync(new { productId = product, amount = 1, unit = "tsp" });

        dose.GetProperty("normalized").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        dose.GetProperty("flags")[0].GetString().ShouldBe("uncalibrated");
        var day = await client.GetJsonAsync("/api/v1/days/2026-11-25");
        var total = day.GetProperty("totals")[0];
        total.GetProperty("amount").GetDecimal().ShouldBe(0m);
        total.GetProperty("notCounted").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task LogDose_RetryWithSameClientId_ReturnsTheFirstDose()
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);
        var body = new { productId = product, amount = 2.5, unit = "g", clientId = Guid.NewGuid() };

        var first = await client.LogDoseAsync(body);
        var retry = await client.LogDoseAsync(body);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.JsonAsync()).GetProperty("dose").GetProperty("id").GetInt64()
            .ShouldBe((await first.JsonAsync()).GetProperty("dose").GetProperty("id").GetInt64());
        (await client.DoseCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Days_TotalsFollowTheUsersLocalDay()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        var opioid = await client.CreateProductAsync(new { name = "Morphine", kind = "opioid", form = "tablet", opioid = "morphine", mgPerTablet = 15 });
        await client.LogDoseOkAsync(new { productId = kratom, amount = 3, unit = "g", takenAt = "2026-11-25T04:30:00Z" }); // 23:30 on the 24th in New York
        await client.LogDoseOkAsync(new { productId = kratom, amount = 2, unit = "g", takenAt = "2026-11-25T08:30:00-05:00" });
        await client.LogDoseOkAsync(new { productId = kratom, amount = 1, unit = "tsp", takenAt = "2026-11-25T09:30:00-05:00" });
        await client.LogDoseOkAsync(new { productId = opioid, amount = 1, unit = "tablet", takenAt = "2026-11-25T09:45:00-05:00" });

        var day = await client.GetJsonAsync("/api/v1/days/2026-11-25");
        day.GetProperty("doses").GetArrayLength().ShouldBe(3);
        var totals = day.GetProperty("totals");
        totals[0].GetProperty("kind").GetString().ShouldBe("kratom");
        totals[0].GetProperty("amount").GetDecimal().ShouldBe(4.5m);
        totals[1].GetProperty("amount").GetDecimal().ShouldBe(15m);
        totals[1].GetProperty("unit").GetString().ShouldBe("MME");

        var before = await client.GetJsonAsync("/api/v1/days/2026-11-24");
        before.GetProperty("doses")[0].GetProperty("localTime").GetString().ShouldBe("23:30");
        before.GetProperty("totals")[0].GetProperty("amount").GetDecimal().ShouldBe(3m);
    }

    [Fact]
    public async Task Days_DayStartHourMovesEarlyDosesToTheDayBefore()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        (await client.PutAsJsonAsync("/api/v1/me", new { dayStartHour = 4 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        await client.LogDoseOkAsync(new { productId = kratom, amount = 3, unit = "g", takenAt = "2026-11-25T03:30:00-05:00" });

        (await client.GetJsonAsync("/api/v1/days/2026-11-24")).GetProperty("doses").GetArrayLength().ShouldBe(1);
        (await client.GetJsonAsync("/api/v1/days/2026-11-25")).GetProperty("doses").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ListDoses_ReturnsTheRangeInOrder()
    {
        var client = await app.NewUserClientAsync();
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        await client.LogDoseOkAsync(new { productId = kratom, amount = 2, unit = "g", takenAt = "2026-11-20T10:00:00Z" });
        await client.LogDoseOkAsync(new { productId = kratom, amount = 1, unit = "g", takenAt = "2026-11-18T10:00:00Z" });
        await client.LogDoseOkAsync(new { productId = kratom, amount = 3, unit = "g", takenAt = "2026-11-10T10:00:00Z" });

        var list = await client.GetJsonAsync("/api/v1/doses?from=2026-11-15&to=2026-11-25");
        var doses = list.GetProperty("doses");
        doses.GetArrayLength().ShouldBe(2);
        doses[0].GetProperty("localDate").GetString().ShouldBe("2026-11-18");
        doses[1].GetProperty("localDate").GetString().ShouldBe("2026-11-20");
    }

    [Fact]
    public async Task EditAndDelete_KeepAnAuditTrail()
    {
        var client = await app.NewUserClientAsync();
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        var id = (await client.LogDoseOkAsync(new { productId = kratom, amount = 2, unit = "g" })).GetProperty("id").GetInt64();

        var put = await client.PutAsJsonAsync($"/api/v1/doses/{id}", new { amount = 1.5, unit = "g", note = "I misread the scale" });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        (await put.JsonAsync()).GetProperty("dose").GetProperty("amount").GetDecimal().ShouldBe(1.5m);
        (await client.DeleteAsync($"/api/v1/doses/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/v1/doses/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var history = await client.GetJsonAsync($"/api/v1/doses/{id}/history");
        history.GetArrayLength().ShouldBe(2);
        history[0].GetProperty("action").GetString().ShouldBe("edited");
        history[0].GetProperty("before").GetProperty("amount").GetDecimal().ShouldBe(2m);
        history[0].GetProperty("after").GetProperty("amount").GetDecimal().ShouldBe(1.5m);
        history[1].GetProperty("action").GetString().ShouldBe("deleted");
        history[1].GetProperty("before").GetProperty("note").GetString().ShouldBe("I misread the scale");
    }

    [Fact]
    public async Task UpdateProduct_ChangesItAndKeepsLoggedAmounts()
    {
        var client = await app.NewUserClientAsync();
        var id = await client.CreateProductAsync(new { name = "Caps", kind = "kratom", form = "capsule", gramsPerCapsule = 0.5 });
        await client.LogDoseOkAsync(new { productId = id, amount = 4, unit = "capsule" });

        var put = await client.PutAsJsonAsync($"/api/v1/products/{id}", new { name = "Caps", kind = "kratom", form = "capsule", gramsPerCapsule = 0.6, inStock = false });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await put.JsonAsync()).GetProperty("inStock").GetBoolean().ShouldBeFalse();
        var day = await client.GetJsonAsync("/api/v1/days/2026-11-25");
        day.GetProperty("totals")[0].GetProperty("amount").GetDecimal().ShouldBe(2m);
    }

    [Fact]
    public async Task Me_ReadsAndUpdatesTheProfile()
    {
        var client = await app.NewUserClientAsync("Asia/Kathmandu", "kathmandu-" + Guid.NewGuid().ToString("N")[..6]);
        var me = await client.GetJsonAsync("/api/v1/me");
        me.GetProperty("timeZone").GetString().ShouldBe("Asia/Kathmandu");
        me.GetProperty("dayStartHour").GetInt32().ShouldBe(0);

        var put = await client.PutAsJsonAsync("/api/v1/me", new { timeZone = "Europe/London", dayStartHour = 5 });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetJsonAsync("/api/v1/me")).GetProperty("timeZone").GetString().ShouldBe("Europe/London");
    }

    [Fact]
    public async Task Api_WithoutOrWithRevokedToken_Is401()
    {
        (await app.Client().GetAsync("/api/v1/doses")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var bogus = app.Client();
        bogus.DefaultRequestHeaders.Authorization = new("Bearer", "wane_not-a-real-token");
        (await bogus.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Healthz_IsPublic_AndOpenApiDescribesTheJournal()
    {
        (await app.Client().GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await app.Client().GetJsonAsync("/openapi/v1.json");
        doc.GetProperty("paths").TryGetProperty("/api/v1/doses", out _).ShouldBeTrue();
        doc.GetProperty("paths").TryGetProperty("/api/v1/days/{date}", out _).ShouldBeTrue();
    }
}
