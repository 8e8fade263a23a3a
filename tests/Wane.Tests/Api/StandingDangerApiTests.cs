using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

/// <summary><c>GET /api/v1/status</c> keeps a danger standing until its window has passed. "Now" is 10:00 in New York.</summary>
public sealed class StandingDangerApiTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static JsonElement[] Rule(JsonElement status, string rule) =>
        [.. status.GetProperty("advisories").EnumerateArray().Where(a => a.GetProperty("rule").GetString() == rule)];

    private async Task<(HttpClient Client, long Kratom, long Oxy)> PersonAsync()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        var oxy = await client.CreateProductAsync(new { name = "Oxycodone 5 mg", kind = "opioid", form = "tablet", opioid = "oxycodone", mgPerTablet = 5 });
        return (client, kratom, oxy);
    }

    [Fact]
    public async Task Status_OpioidWithin12hOfKratom_DangerWithNaloxoneAndEmergencyUntilTheWindowPasses()
    {
        var (client, kratom, oxy) = await PersonAsync();
        await client.LogDoseOkAsync(new { productId = kratom, amount = 3, unit = "g", takenAt = "2026-11-25T07:00:00-05:00" });
        await client.LogDoseOkAsync(new { productId = oxy, amount = 1, unit = "tablet", takenAt = "2026-11-25T09:30:00-05:00" });
        try
        {
            var status = await client.GetJsonAsync("/api/v1/status");
            var danger = Rule(status, "S1").ShouldHaveSingleItem();
            danger.GetProperty("level").GetString().ShouldBe("danger");
            danger.GetProperty("message").GetString().ShouldBe("You took oxycodone at 09:30 and kratom at 07:00, within 12 h of each other. Together they still count as combined until 19:00.");
            var resources = danger.GetProperty("resources").EnumerateArray().ToArray();
            resources.Select(r => r.GetProperty("id").GetString()).ShouldBe(["emergency", "naloxone"]);
            resources[0].GetProperty("href").GetString().ShouldBe("tel:911");
            resources[1].GetProperty("how").GetString()!.ShouldContain("Over the counter");
            status.GetProperty("advisories")[0].GetProperty("rule").GetString().ShouldBe("S1"); // most serious first

            app.Clock.Reset(WaneApp.Now + Duration.FromHours(8) + Duration.FromMinutes(59)); // 18:59
            Rule(await client.GetJsonAsync("/api/v1/status"), "S1").ShouldHaveSingleItem();

            app.Clock.Reset(WaneApp.Now + Duration.FromHours(9)); // 19:00: the kratom has left the window
            Rule(await client.GetJsonAsync("/api/v1/status"), "S1").ShouldBeEmpty();
        }
        finally
        {
            app.Clock.Reset(WaneApp.Now);
        }
    }

    [Fact]
    public async Task Status_WearOffForEachSubstance_KratomSourcedOpioidSaysThereIsNoFigure()
    {
        var (client, kratom, oxy) = await PersonAsync();
        await client.LogDoseOkAsync(new { productId = kratom, amount = 3, unit = "g", takenAt = "2026-11-25T07:00:00-05:00" });
        await client.LogDoseOkAsync(new { productId = oxy, amount = 1, unit = "tablet", takenAt = "2026-11-25T09:30:00-05:00" });

        var wearOffs = (await client.GetJsonAsync("/api/v1/status")).GetProperty("wearOffs").EnumerateArray().ToArray();

        wearOffs.Length.ShouldBe(2);
        wearOffs[0].GetProperty("substance").GetString().ShouldBe("oxycodone");
        wearOffs[0].GetProperty("lastDoseLocal").GetString().ShouldBe("09:30");
        wearOffs[0].GetProperty("wearsOffAt").ValueKind.ShouldBe(JsonValueKind.Null);
        wearOffs[0].GetProperty("note").GetString().ShouldBe("Wane has no sourced figure for how long oxycodone lasts, so it does not guess; the label or a pharmacist can tell you.");
        wearOffs[1].GetProperty("substance").GetString().ShouldBe("kratom");
        wearOffs[1].GetProperty("wearsOffLocal").GetString().ShouldBe("13:00");
        wearOffs[1].GetProperty("wornOff").GetBoolean().ShouldBeFalse();
        wearOffs[1].GetProperty("source").GetString()!.ShouldContain("DEA");
    }

    [Fact]
    public async Task LogDose_FirstOpioidDoseOf1500Mme_AdvisesS5AndItStandsOnToday()
    {
        var (client, _, oxy) = await PersonAsync();

        var response = await client.LogDoseAsync(new { productId = oxy, amount = 1000, unit = "mg", takenAt = "2026-11-25T09:00:00-05:00" });
        var body = await response.JsonAsync();

        var s5 = body.GetProperty("advisories").EnumerateArray().Single(a => a.GetProperty("rule").GetString() == "S5");
        s5.GetProperty("level").GetString().ShouldBe("caution");
        s5.GetProperty("message").GetString()!.ShouldStartWith("With this dose your opioid total today is 1500 MME, at or above 50 MME a day.");
        s5.GetProperty("why").GetString()!.ShouldContain("extra precautions");
        s5.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldContain("naloxone");
        var standing = Rule(await client.GetJsonAsync("/api/v1/status"), "S5").ShouldHaveSingleItem();
        standing.GetProperty("message").GetString()!.ShouldStartWith("Your opioid total today is 1500 MME");
    }

    [Fact]
    public async Task LogDose_OpioidTotalBelowFifty_NoS5()
    {
        var (client, _, oxy) = await PersonAsync();
        await client.LogDoseOkAsync(new { productId = oxy, amount = 3, unit = "tablet", takenAt = "2026-11-25T07:00:00-05:00" }); // 22.5 MME
        var second = await (await client.LogDoseAsync(new { productId = oxy, amount = 3, unit = "tablet", takenAt = "2026-11-25T09:00:00-05:00" })).JsonAsync(); // 45 MME

        second.GetProperty("advisories").EnumerateArray().ShouldNotContain(a => a.GetProperty("rule").GetString() == "S5");
        Rule(await client.GetJsonAsync("/api/v1/status"), "S5").ShouldBeEmpty();
    }

    [Fact]
    public async Task Status_OpioidAfterAPause_LostToleranceStands()
    {
        var (client, _, oxy) = await PersonAsync();
        for (var day = 1; day <= 14; day++)
        {
            await client.LogDoseOkAsync(new { productId = oxy, amount = 2, unit = "tablet", takenAt = $"2026-08-{day:00}T12:00:00Z" });
        }
        await client.LogDoseOkAsync(new { productId = oxy, amount = 2, unit = "tablet", takenAt = "2026-11-25T08:00:00-05:00" });

        var s3 = Rule(await client.GetJsonAsync("/api/v1/status"), "S3").ShouldHaveSingleItem();

        s3.GetProperty("level").GetString().ShouldBe("danger");
        s3.GetProperty("message").GetString()!.ShouldContain("This warning stands until 2026-11-26 08:00");
        s3.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldBe(["emergency", "naloxone"]);
    }

    [Fact]
    public async Task Guardrails_S5IsASettingLikeTheOthers()
    {
        var (client, _, oxy) = await PersonAsync();
        var put = await client.PutAsJsonAsync("/api/v1/guardrails", new Dictionary<string, object> { ["S5"] = new { values = new { mme = 90 } } });
        put.EnsureSuccessStatusCode();
        var bad = await client.PutAsJsonAsync("/api/v1/guardrails", new Dictionary<string, object> { ["S5"] = new { values = new { mme = 0 } } });
        await bad.ShouldBeProblemNamingAsync("S5.mme");

        var body = await (await client.LogDoseAsync(new { productId = oxy, amount = 8, unit = "tablet", takenAt = "2026-11-25T09:00:00-05:00" })).JsonAsync(); // 60 MME
        body.GetProperty("advisories").EnumerateArray().ShouldNotContain(a => a.GetProperty("rule").GetString() == "S5");
    }
}
