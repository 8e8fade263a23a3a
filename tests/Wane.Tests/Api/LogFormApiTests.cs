using System.Net;
using System.Net.Http.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

/// <summary>Logging fast and safely over the API: units that fit the product, favourites, "same as last time", times, a new account.</summary>
public class LogFormApiTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static readonly object Oxy5 = new { name = "Oxycodone 5 mg", kind = "opioid", form = "tablet", opioid = "oxycodone", mgPerTablet = 5 };

    [Fact]
    public async Task LogDose_GramsOfAFiveMgTablet_Is400NamingUnitAndStoresNothing()
    {
        using var client = await app.NewUserClientAsync("America/New_York");
        var oxy = await client.CreateProductAsync(Oxy5);

        var logged = await client.LogDoseAsync(new { productId = oxy, amount = 1, unit = "g" });
        var preview = await client.PostAsJsonAsync("/api/v1/doses/preview", new { productId = oxy, amount = 1, unit = "g" });

        await logged.ShouldBeProblemNamingAsync("unit");
        await preview.ShouldBeProblemNamingAsync("unit");
        (await logged.Content.ReadAsStringAsync()).ShouldContain("Use one of: tablet, mg");
        (await client.DoseCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Products_Units_AreOnlyThoseThatFit()
    {
        using var client = await app.NewUserClientAsync();
        var oxy = await client.CreateProductAsync(Oxy5);
        var caps = await client.CreateProductAsync(new { name = "Caps", kind = "kratom", form = "capsule", gramsPerCapsule = 0.5 });
        var powder = await client.CreateProductAsync(Intents.RedBali);
        var patch = await client.CreateProductAsync(new { name = "Patch", kind = "opioid", form = "patch", opioid = "fentanyl" });

        async Task<string> Units(long id) => string.Join(' ', (await client.GetJsonAsync($"/api/v1/products/{id}")).GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        (await Units(oxy)).ShouldBe("tablet mg");
        (await Units(caps)).ShouldBe("capsule g");
        (await Units(powder)).ShouldBe("g tsp");
        (await Units(patch)).ShouldBe("mcg/h");
    }

    [Fact]
    public async Task Favourites_Put_StoresThemWithTheProduct()
    {
        using var client = await app.NewUserClientAsync();
        var oxy = await client.CreateProductAsync(Oxy5);

        var put = await client.PutAsJsonAsync($"/api/v1/products/{oxy}/favourites", new { favourites = new[] { new { amount = 1, unit = "tablet" }, new { amount = 2, unit = "tablet" } } });

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var favourites = (await client.GetJsonAsync($"/api/v1/products/{oxy}")).GetProperty("favourites");
        favourites.GetArrayLength().ShouldBe(2);
        favourites[1].GetProperty("amount").GetDecimal().ShouldBe(2m);
        favourites[1].GetProperty("unit").GetString().ShouldBe("tablet");
    }

    [Fact]
    public async Task Favourites_UnitThatDoesNotFit_Is400NamingTheItemAndKeepsTheOldOnes()
    {
        using var client = await app.NewUserClientAsync();
        var oxy = await client.CreateProductAsync(Oxy5);
        (await client.PutAsJsonAsync($"/api/v1/products/{oxy}/favourites", new { favourites = new[] { new { amount = 1, unit = "tablet" } } })).EnsureSuccessStatusCode();

        var bad = await client.PutAsJsonAsync($"/api/v1/products/{oxy}/favourites", new { favourites = new[] { new { amount = 2, unit = "tablet" }, new { amount = 1, unit = "g" } } });
        var tooMany = await client.PutAsJsonAsync($"/api/v1/products/{oxy}/favourites", new { favourites = Enumerable.Range(1, 6).Select(i => new { amount = i, unit = "tablet" }) });
        var missing = await client.PutAsJsonAsync($"/api/v1/products/{oxy}/favourites", new { });

        await bad.ShouldBeProblemNamingAsync("favourites[1]");
        await tooMany.ShouldBeProblemNamingAsync("favourites");
        await missing.ShouldBeProblemNamingAsync("favourites");
        (await client.GetJsonAsync($"/api/v1/products/{oxy}")).GetProperty("favourites").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Repeat_LastDose_LogsTheSameAmountNowWithAdvice()
    {
        using var client = await app.NewUserClientAsync("America/New_York");
        var bali = await client.CreateProductAsync(Intents.RedBali);
        await client.LogDoseOkAsync(new { productId = bali, amount = 3.5, unit = "g", takenAt = "2026-11-25T06:00:00-05:00", note = "that morning" });

        var response = await client.PostAsJsonAsync("/api/v1/doses/repeat", new { productId = bali });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var dose = body.GetProperty("dose");
        dose.GetProperty("amount").GetDecimal().ShouldBe(3.5m);
        dose.GetProperty("unit").GetString().ShouldBe("g");
        dose.GetProperty("takenAt").GetString().ShouldBe("2026-11-25T15:00:00Z"); // now, by the fake clock
        dose.GetProperty("note").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        // Four hours after the last dose: R1 (let it wear off) advises, as for any dose.
        body.GetProperty("advisories").EnumerateArray().Select(a => a.GetProperty("rule").GetString()).ShouldContain("R1");
        (await client.DoseCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Repeat_SameClientIdTwice_StoresOneDose()
    {
        using var client = await app.NewUserClientAsync();
        var bali = await client.CreateProductAsync(Intents.RedBali);
        await client.LogDoseOkAsync(new { productId = bali, amount = 2, unit = "g", takenAt = "2026-11-24T08:00:00Z" });
        var id = Guid.NewGuid();

        (await client.PostAsJsonAsync("/api/v1/doses/repeat", new { clientId = id })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/doses/repeat", new { clientId = id })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.DoseCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task RepeatPreview_ChecksAndStoresNothing_AndWithNoDoseYetSaysSo()
    {
        using var client = await app.NewUserClientAsync();
        var bali = await client.CreateProductAsync(Intents.RedBali);

        await (await client.PostAsJsonAsync("/api/v1/doses/repeat", new { productId = bali })).ShouldBeProblemNamingAsync("productId");
        (await client.PostAsJsonAsync("/api/v1/doses/repeat", new { productId = 999_999 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await client.LogDoseOkAsync(new { productId = bali, amount = 2, unit = "g", takenAt = "2026-11-24T08:00:00Z" });
        var preview = await client.PostAsJsonAsync("/api/v1/doses/repeat/preview", new { productId = bali });

        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        (await client.DoseCountAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData("2026-11-01T01:30:00")] // repeated at fall-back in New York: a local time without offset is never guessed
    [InlineData("2026-03-08 02:30")]    // skipped at spring-forward
    public async Task LogDose_LocalTimeWithoutOffset_Is400NamingTakenAt(string takenAt)
    {
        using var client = await app.NewUserClientAsync("America/New_York");
        var bali = await client.CreateProductAsync(Intents.RedBali);

        await (await client.LogDoseAsync(new { productId = bali, amount = 2, unit = "g", takenAt })).ShouldBeProblemNamingAsync("takenAt");
        (await client.DoseCountAsync("2026-03-01", "2026-11-30")).ShouldBe(0);
    }

    [Fact]
    public async Task LogDose_SecondOfTheRepeatedHourWithItsOffset_IsStoredAsThatInstant()
    {
        using var client = await app.NewUserClientAsync("America/New_York");
        var bali = await client.CreateProductAsync(Intents.RedBali);

        var dose = await client.LogDoseOkAsync(new { productId = bali, amount = 2, unit = "g", takenAt = "2026-11-01T01:30:00-05:00" });

        dose.GetProperty("takenAt").GetString().ShouldBe("2026-11-01T06:30:00Z");
        dose.GetProperty("localTime").GetString().ShouldBe("01:30");
    }

    [Fact]
    public async Task Status_BrandNewAccount_SaysNoDosesYetAndNoKratomFreeDay()
    {
        using var client = await app.NewUserClientAsync("America/New_York");

        var status = await client.GetJsonAsync("/api/v1/status");

        status.GetProperty("noDosesYet").GetBoolean().ShouldBeTrue();
        status.GetProperty("lastKratomFreeDay").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        status.GetProperty("daysSinceKratomFree").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        var bali = await client.CreateProductAsync(Intents.RedBali);
        await client.LogDoseOkAsync(new { productId = bali, amount = 2, unit = "g", takenAt = "2026-11-25T08:00:00-05:00" });
        var after = await client.GetJsonAsync("/api/v1/status");
        after.GetProperty("noDosesYet").GetBoolean().ShouldBeFalse();
        after.GetProperty("lastKratomFreeDay").GetString().ShouldBe("2026-11-24");
    }
}
