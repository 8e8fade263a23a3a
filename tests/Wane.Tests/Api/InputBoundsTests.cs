using System.Net;
using System.Net.Http.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

/// <summary>
/// Dates at the ends of the calendar, control characters, string numbers and retries of deleted doses:
/// each is a 400 (or 410) naming what was wrong, never a 500, and nothing is stored.
/// </summary>
public class InputBoundsTests(WaneApp app) : IClassFixture<WaneApp>
{
    private const string Esc = "\u001b]0;owned\u0007\u001b[2J";

    [Theory]
    [InlineData("/api/v1/days/0000-01-01", "date")]
    [InlineData("/api/v1/days/9999-12-31", "date")]
    [InlineData("/api/v1/days/1899-12-31", "date")]
    [InlineData("/api/v1/days/2201-01-01", "date")]
    [InlineData("/api/v1/doses?from=0000-01-01&to=0000-01-02", "from")]
    [InlineData("/api/v1/doses?from=9999-12-30&to=9999-12-31", "to")]
    [InlineData("/api/v1/checkins?from=0000-12-31&to=0001-01-02", "from")]
    [InlineData("/api/v1/checkins?from=0000-01-01&to=0000-01-02", "to")]
    [InlineData("/api/v1/checkins?from=9999-12-30&to=9999-12-31", "from")]
    public async Task Queries_DatesOutsideTheCalendar_Are400NamingTheParameter(string path, string field)
    {
        using var client = await app.NewUserClientAsync("Pacific/Kiritimati");
        await (await client.GetAsync(path)).ShouldBeProblemNamingAsync(field);
    }

    [Theory]
    [InlineData("/api/v1/days/1900-01-01")]
    [InlineData("/api/v1/days/2200-12-31")]
    [InlineData("/api/v1/doses?from=2200-12-01&to=2200-12-31")]
    [InlineData("/api/v1/checkins?from=1900-01-01&to=1900-01-31")]
    public async Task Queries_DatesAtTheEndsOfTheRange_AreAnswered(string path, string _ = "")
    {
        foreach (var zone in new[] { "Pacific/Kiritimati", "Etc/GMT+12" })
        {
            using var client = await app.NewUserClientAsync(zone);
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "/api/v1/doses", """{"productId":PRODUCT,"amount":2,"unit":"g","takenAt":"0001-01-01T00:00:00Z"}""", "takenAt" },
        { "/api/v1/doses", """{"productId":PRODUCT,"amount":2,"unit":"g","takenAt":"9999-12-31T23:59:59-05:00"}""", "takenAt" },
        { "/api/v1/doses", """{"productId":PRODUCT,"amount":2,"unit":"g","takenAt":"0000-01-01T00:00:00+14:00"}""", "takenAt" },
        { "/api/v1/doses/preview", """{"productId":PRODUCT,"amount":2,"unit":"g","takenAt":"9999-12-31T23:59:59-05:00"}""", "takenAt" },
        { "/api/v1/doses", """{"productId":PRODUCT,"amount":"1e2","unit":"g"}""", "amount" },
        { "/api/v1/doses", """{"productId":PRODUCT,"amount":"2","unit":"g"}""", "amount" },
        { "/api/v1/doses", """{"productId":"PRODUCT","amount":2,"unit":"g"}""", "productId" },
        { "/api/v1/doses", """{"productId":PRODUCT,"amount":2,"unit":"g","painBefore":"3"}""", "painBefore" },
        { "/api/v1/doses", """{"productId":PRODUCT,"amount":2,"unit":"g","note":"ESC"}""", "note" },
        { "/api/v1/doses", """{"productId":PRODUCT,"amount":2,"unit":"g","note":"a\u0000b"}""", "note" },
        { "/api/v1/checkins", """{"instrument":"daily","takenAt":"0001-01-01T00:00:00Z","answers":{"pain":1,"sleep":3,"mood":3,"craving":2}}""", "takenAt" },
        { "/api/v1/checkins", """{"instrument":"daily","takenAt":"9999-12-31T23:59:59-12:00","answers":{"pain":1,"sleep":3,"mood":3,"craving":2}}""", "takenAt" },
        { "/api/v1/checkins", """{"instrument":"daily","answers":{"pain":1,"sleep":3,"mood":3,"craving":2,"note":"ESC"}}""", "note" },
        { "/api/v1/checkins", """{"instrument":"daily","answers":{"pain":"1","sleep":3,"mood":3,"craving":2}}""", "answers.pain" },
        { "/api/v1/breaks", """{"from":"0000-01-01","to":"0000-01-02"}""", "from" },
        { "/api/v1/breaks", """{"from":"2026-12-01","to":"9999-12-31"}""", "to" },
        { "/api/v1/breaks", """{"from":"2026-12-01","to":"2026-12-02","note":"ESC"}""", "note" },
        { "/api/v1/products", """{"name":"Red ESC","kind":"kratom","form":"powder"}""", "name" },
        { "/api/v1/products", """{"name":"Red","kind":"kratom","form":"powder","strain":"re\u0007d"}""", "strain" },
        { "/api/v1/products", """{"name":"Red","kind":"kratom","form":"capsule","gramsPerCapsule":"0.5"}""", "gramsPerCapsule" },
        { "/api/v1/plans", """{"substance":"kratom","startAmount":12,"unit":"g","pace":{"kind":"percent","percent":10},"startDate":"0001-01-01"}""", "startDate" },
        { "/api/v1/plans", """{"substance":"kratom","startAmount":12,"unit":"g","pace":{"kind":"percent","percent":10},"startDate":"2190-01-01"}""", "startDate" },
        { "/api/v1/plans", """{"substance":"kratom","startAmount":"12","unit":"g","pace":{"kind":"percent","percent":10}}""", "startAmount" },
        { "/api/v1/plans/preview", """{"substance":"kratom","startAmount":12,"unit":"g","pace":{"kind":"percent","percent":10},"startDate":"9999-12-31"}""", "startDate" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadInput_Is400NamingTheFieldAndStoresNothing(string path, string json, string field)
    {
        using var client = await app.NewUserClientAsync("America/New_York");
        var product = await client.CreateProductAsync(Intents.RedBali);
        var body = json.Replace("PRODUCT", product.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("ESC", "\\u001b]0;owned\\u0007\\u001b[2J", StringComparison.Ordinal);
        var before = await RowCounts.OfAsync(app.DataDir);

        var response = await client.PostRawAsync(path, body);

        await response.ShouldBeProblemNamingAsync(field);
        RowCounts.Describe(await RowCounts.OfAsync(app.DataDir)).ShouldBe(RowCounts.Describe(before));
    }

    [Fact]
    public async Task CreatePlan_StartDateFarAway_DoesNotReplaceTheActivePlan()
    {
        using var client = await app.NewUserClientAsync();
        var plan = new { substance = "kratom", startAmount = 12, unit = "g", pace = new { kind = "percent", percent = 10 } };
        var first = await (await client.PostAsJsonAsync("/api/v1/plans", plan)).JsonAsync();

        var bad = await client.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 12, unit = "g", pace = new { kind = "percent", percent = 10 }, startDate = "0001-01-01" });

        await bad.ShouldBeProblemNamingAsync("startDate");
        (await client.GetJsonAsync("/api/v1/plans/current")).GetProperty("id").GetInt64().ShouldBe(first.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Hold_FromFarAway_Is400()
    {
        using var client = await app.NewUserClientAsync();
        var plan = await (await client.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 12, unit = "g", pace = new { kind = "percent", percent = 10 } })).JsonAsync();
        var id = plan.GetProperty("id").GetInt64();

        await (await client.PostAsJsonAsync($"/api/v1/plans/{id}/hold", new { from = "0000-01-01" })).ShouldBeProblemNamingAsync("from");
        await (await client.PostAsJsonAsync($"/api/v1/plans/{id}/hold", new { reason = "rough\u001b[2J week" })).ShouldBeProblemNamingAsync("reason");
    }

    [Fact]
    public async Task LogDose_NoteWithLineBreaksAndTabs_IsStored()
    {
        using var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);

        var dose = await client.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g", note = "first line\r\nsecond\tline" });

        dose.GetProperty("note").GetString().ShouldBe("first line\nsecond\tline");
    }

    [Fact]
    public async Task LogDose_NumberInExponentForm_IsAJsonNumberAndAccepted()
    {
        using var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);

        var dose = await client.LogDoseOkAsync(new { productId = product, amount = 2.5e0, unit = "g" });

        dose.GetProperty("amount").GetDecimal().ShouldBe(2.5m);
    }

    [Fact]
    public async Task LogDose_RetryAfterTheDoseWasDeleted_Is410AndStoresNothing()
    {
        using var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);
        var clientId = Guid.NewGuid();
        var body = new { productId = product, amount = 2, unit = "g", clientId };
        var id = (await client.LogDoseOkAsync(body)).GetProperty("id").GetInt64();
        (await client.DeleteAsync($"/api/v1/doses/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var before = await RowCounts.OfAsync(app.DataDir);

        var retry = await client.LogDoseAsync(body);

        var text = await retry.Content.ReadAsStringAsync();
        retry.StatusCode.ShouldBe(HttpStatusCode.Gone, text);
        retry.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        text.ShouldContain("deleted");
        text.ShouldContain($"Dose {id}");
        (await client.DoseCountAsync()).ShouldBe(0);
        RowCounts.Describe(await RowCounts.OfAsync(app.DataDir)).ShouldBe(RowCounts.Describe(before));
        (await client.LogDoseAsync(body with { })).StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task RepeatDose_RetryAfterTheRepeatWasDeleted_Is410AndStoresNothing()
    {
        using var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);
        await client.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g" });
        var clientId = Guid.NewGuid();
        var repeated = await client.PostAsJsonAsync("/api/v1/doses/repeat", new { productId = product, clientId });
        repeated.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await repeated.JsonAsync()).GetProperty("dose").GetProperty("id").GetInt64();
        (await client.DeleteAsync($"/api/v1/doses/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var before = await RowCounts.OfAsync(app.DataDir);

        var retry = await client.PostAsJsonAsync("/api/v1/doses/repeat", new { productId = product, clientId });

        retry.StatusCode.ShouldBe(HttpStatusCode.Gone, await retry.Content.ReadAsStringAsync());
        (await client.DoseCountAsync()).ShouldBe(1);
        RowCounts.Describe(await RowCounts.OfAsync(app.DataDir)).ShouldBe(RowCounts.Describe(before));
    }

    [Fact]
    public async Task LogDose_DeletedClientIdOfAnotherUser_DoesNotBlockThisUser()
    {
        using var owner = await app.NewUserClientAsync();
        using var other = await app.NewUserClientAsync();
        var clientId = Guid.NewGuid();
        var mine = await owner.CreateProductAsync(Intents.RedBali);
        var id = (await owner.LogDoseOkAsync(new { productId = mine, amount = 2, unit = "g", clientId })).GetProperty("id").GetInt64();
        await owner.DeleteAsync($"/api/v1/doses/{id}");
        var theirs = await other.CreateProductAsync(Intents.RedBali);

        (await other.LogDoseAsync(new { productId = theirs, amount = 2, unit = "g", clientId })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
