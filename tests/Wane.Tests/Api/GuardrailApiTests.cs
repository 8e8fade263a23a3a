using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

public class GuardrailApiTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static IEnumerable<string> Rules(JsonElement response) =>
        response.GetProperty("advisories").EnumerateArray().Select(a => a.GetProperty("rule").GetString()!);

    [Fact]
    public async Task LogDose_SecondKratomDoseTwoHoursLater_ReturnsR1CautionWithSource_AndIsStored()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        await client.LogDoseOkAsync(new { productId = kratom, amount = 2, unit = "g", takenAt = "2026-11-25T08:00:00-05:00" });

        var response = await client.LogDoseAsync(new { productId = kratom, amount = 2, unit = "g", takenAt = "2026-11-25T10:00:00-05:00" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.JsonAsync();
        var r1 = body.GetProperty("advisories").EnumerateArray().Single(a => a.GetProperty("rule").GetString() == "R1");
        r1.GetProperty("level").GetString().ShouldBe("caution");
        r1.GetProperty("source").GetString().ShouldNotBeNullOrWhiteSpace();
        r1.GetProperty("why").GetString().ShouldNotBeNullOrWhiteSpace();
        (await client.DoseCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task LogDose_Backfilled_IsJudgedAgainstTheHistoryAsItWasThen()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        await client.LogDoseOkAsync(new { productId = kratom, amount = 2, unit = "g", takenAt = "2026-11-25T09:30:00-05:00" });

        var backfilled = await (await client.LogDoseAsync(new { productId = kratom, amount = 2, unit = "g", takenAt = "2026-11-25T06:00:00-05:00" })).JsonAsync();

        Rules(backfilled).ShouldNotContain("R1");
        (await client.DoseCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task LogDose_OpioidAfterAPauseAtTheFormerAmount_WarnsLostToleranceWithNaloxone()
    {
        var client = await app.NewUserClientAsync();
        var oxy = await client.CreateProductAsync(new { name = "Oxycodone 10 mg", kind = "opioid", form = "tablet", opioid = "oxycodone", mgPerTablet = 10 });
        for (var day = 1; day <= 10; day++)
        {
            await client.LogDoseOkAsync(new { productId = oxy, amount = 2, unit = "tablet", takenAt = $"2026-08-{day:00}T12:00:00Z" });
        }

        var body = await (await client.LogDoseAsync(new { productId = oxy, amount = 2, unit = "tablet" })).JsonAsync();

        var s3 = body.GetProperty("advisories").EnumerateArray().Single(a => a.GetProperty("rule").GetString() == "S3");
        s3.GetProperty("level").GetString().ShouldBe("danger");
        s3.GetProperty("suggestion").GetString()!.ShouldContain("naloxone", Case.Insensitive);
    }

    [Fact]
    public async Task LogDose_KratomWithoutAPause_HasNoLostToleranceAdvice()
    {
        var client = await app.NewUserClientAsync();
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        for (var day = 1; day <= 24; day++)
        {
            await client.LogDoseOkAsync(new { productId = kratom, amount = 3, unit = "g", takenAt = $"2026-11-{day:00}T12:00:00Z" });
        }

        Rules(await (await client.LogDoseAsync(new { productId = kratom, amount = 3, unit = "g" })).JsonAsync()).ShouldNotContain("S3");
    }

    [Fact]
    public async Task Preview_EvaluatesWithoutStoring()
    {
        var client = await app.NewUserClientAsync();
        var extract = await client.CreateProductAsync(new { name = "7-OH tabs", kind = "kratom", form = "tablet", mgPerTablet = 15, concentrated7OH = true });

        var response = await client.PostAsJsonAsync("/api/v1/doses/preview", new { productId = extract, amount = 1, unit = "tablet" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        Rules(body).ShouldContain("S4");
        body.GetProperty("advisories")[0].GetProperty("level").GetString().ShouldBe("danger");
        (await client.DoseCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Preview_BadInput_Is400()
    {
        var client = await app.NewUserClientAsync();
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        await (await client.PostAsJsonAsync("/api/v1/doses/preview", new { productId = kratom, amount = -1, unit = "g" })).ShouldBeProblemNamingAsync("amount");
    }

    [Fact]
    public async Task LogDose_KratomAfterAlcohol_IsDanger()
    {
        var client = await app.NewUserClientAsync();
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        var beer = await client.CreateProductAsync(new { name = "Beer", kind = "other", form = "liquid", otherClass = "alcohol" });
        await client.LogDoseOkAsync(new { productId = beer, amount = 500, unit = "ml", takenAt = "2026-11-25T06:00:00Z" });

        var body = await (await client.LogDoseAsync(new { productId = kratom, amount = 2, unit = "g" })).JsonAsync();

        var s1 = body.GetProperty("advisories").EnumerateArray().Single(a => a.GetProperty("rule").GetString() == "S1");
        s1.GetProperty("level").GetString().ShouldBe("danger");
    }

    [Fact]
    public async Task Settings_TurningR1Off_SilencesIt()
    {
        var client = await app.NewUserClientAsync();
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        await client.LogDoseOkAsync(new { productId = kratom, amount = 2, unit = "g", takenAt = "2026-11-25T13:00:00Z" });

        var put = await client.PutAsJsonAsync("/api/v1/guardrails", new Dictionary<string, object> { ["R1"] = new { enabled = false } });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await (await client.LogDoseAsync(new { productId = kratom, amount = 2, unit = "g" })).JsonAsync();

        Rules(body).ShouldNotContain("R1");
    }

    [Fact]
    public async Task Settings_ListEveryRuleWithSourceAndParameters()
    {
        var client = await app.NewUserClientAsync();
        var rules = (await client.GetJsonAsync("/api/v1/guardrails")).GetProperty("rules");

        rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldBe(["R1", "R2", "R3", "R4", "R5", "S1", "S2", "S3", "S4", "S5"]);
        foreach (var rule in rules.EnumerateArray())
        {
            rule.GetProperty("source").GetString().ShouldNotBeNullOrWhiteSpace();
            rule.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        }
        var interval = rules[0].GetProperty("parameters")[0];
        interval.GetProperty("key").GetString().ShouldBe("interval");
        interval.GetProperty("value").GetDecimal().ShouldBe(6m);
    }

    [Theory]
    [InlineData("""{"R1":{"values":{"interval":-1}}}""", "R1.interval")]
    [InlineData("""{"R2":{"values":{"days":0}}}""", "R2.days")]
    [InlineData("""{"R9":{"enabled":false}}""", "R9")]
    [InlineData("""{"R1":{"values":{"nope":3}}}""", "R1.nope")]
    [InlineData("""{"R1":{"values":{"interval":"5h"}}}""", "R1.values.interval")]
    public async Task Settings_Invalid_Are400NamingTheSettingAndChangeNothing(string json, string field)
    {
        var client = await app.NewUserClientAsync();

        var response = await client.PutAsync("/api/v1/guardrails", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemNamingAsync(field);
        var rules = (await client.GetJsonAsync("/api/v1/guardrails")).GetProperty("rules");
        rules[0].GetProperty("parameters")[0].GetProperty("value").GetDecimal().ShouldBe(6m);
        rules.EnumerateArray().ShouldAllBe(r => r.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Breaks_AddListRemove_AndDoseOnABreakDayIsCautioned()
    {
        var client = await app.NewUserClientAsync();
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        var created = await client.PostAsJsonAsync("/api/v1/breaks", new { from = "2026-11-24", to = "2026-11-26", note = "weekend off" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        (await client.GetJsonAsync("/api/v1/breaks")).GetArrayLength().ShouldBe(1);

        var body = await (await client.LogDoseAsync(new { productId = kratom, amount = 2, unit = "g" })).JsonAsync();
        body.GetProperty("advisories").EnumerateArray()
            .ShouldContain(a => a.GetProperty("rule").GetString() == "R3" && a.GetProperty("level").GetString() == "caution");

        (await client.DeleteAsync($"/api/v1/breaks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetJsonAsync("/api/v1/breaks")).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"from":"2026-12-03","to":"2026-12-01"}""", "to")]
    [InlineData("""{"from":"someday","to":"2026-12-01"}""", "from")]
    [InlineData("""{"from":"2026-12-01"}""", "to")]
    [InlineData("""{"from":"2026-12-01","to":"2027-06-01"}""", "to")]
    [InlineData("""{"from":"2030-01-01","to":"2030-01-02"}""", "from")]
    public async Task Breaks_Invalid_Are400AndStoreNothing(string json, string field)
    {
        var client = await app.NewUserClientAsync();
        await (await client.PostRawAsync("/api/v1/breaks", json)).ShouldBeProblemNamingAsync(field);
        (await client.GetJsonAsync("/api/v1/breaks?all=true")).GetArrayLength().ShouldBe(0);
    }
}
