using System.Net;
using System.Net.Http.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

/// <summary>Impossible or malformed input gets a 400 naming the field, and nothing is stored.</summary>
public class BadInputTests(WaneApp app) : IClassFixture<WaneApp>
{
    public static TheoryData<string, string> BadDoses => new()
    {
        { """{"productId":PRODUCT,"amount":0,"unit":"g"}""", "amount" },
        { """{"productId":PRODUCT,"amount":-1,"unit":"g"}""", "amount" },
        { """{"productId":PRODUCT,"amount":101,"unit":"g"}""", "amount" },
        { """{"productId":PRODUCT,"amount":"abc","unit":"g"}""", "amount" },
        { """{"productId":PRODUCT,"amount":"0,5","unit":"g"}""", "amount" },
        { """{"productId":PRODUCT,"unit":"g"}""", "amount" },
        { """{"productId":PRODUCT,"amount":2,"unit":"tablet"}""", "unit" },
        { """{"productId":PRODUCT,"amount":2,"unit":"oz"}""", "unit" },
        { """{"productId":PRODUCT,"amount":2,"unit":"g","takenAt":"2026-11-25T15:11:00Z"}""", "takenAt" },
        { """{"productId":PRODUCT,"amount":2,"unit":"g","takenAt":"tomorrow"}""", "takenAt" },
        { """{"productId":PRODUCT,"amount":2,"unit":"g","takenAt":"2026-11-25T08:00:00"}""", "takenAt" },
        { """{"productId":PRODUCT,"amount":2,"unit":"g","painBefore":11}""", "painBefore" },
        { """{"productId":PRODUCT,"amount":2,"unit":"g","meal":"brunch"}""", "meal" },
        { """{"productId":PRODUCT,"amount":2,"unit":"g","note":"NOTE"}""", "note" },
        { """{"productId":PRODUCT,"amount":2,"unit":"g","clientId":"not-a-uuid"}""", "clientId" },
        { """{"amount":2,"unit":"g"}""", "productId" },
        // Property names are matched exactly (camelCase): another spelling is not the field.
        { """{"productId":PRODUCT,"Amount":2,"unit":"g"}""", "amount" },
        { """{"ProductId":PRODUCT,"amount":2,"unit":"g"}""", "productId" },
        { """{"productId":PRODUCT,"amount":2,"unit":"g" """, "body" },
        { """[1,2,3]""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadDoses))]
    public async Task LogDose_BadInput_Is400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);
        var body = json.Replace("PRODUCT", product.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("NOTE", new string('x', 2_001), StringComparison.Ordinal);

        var response = await client.PostRawAsync("/api/v1/doses", body);

        await response.ShouldBeProblemNamingAsync(field);
        (await client.DoseCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task LogDose_ProductOfSomeoneElse_Is404WithNoHintAndStoresNothing()
    {
        var owner = await app.NewUserClientAsync();
        var theirs = await owner.CreateProductAsync(Intents.RedBali);
        var client = await app.NewUserClientAsync();

        var response = await client.LogDoseAsync(new { productId = theirs, amount = 2, unit = "g" });
        var missing = await client.LogDoseAsync(new { productId = 999_999, amount = 2, unit = "g" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        static string WithoutTrace(System.Text.Json.JsonElement e) => $"{e.GetProperty("title")}|{e.GetProperty("status")}|{e.GetProperty("type")}";
        WithoutTrace(await response.JsonAsync()).ShouldBe(WithoutTrace(await missing.JsonAsync()));
        (await owner.DoseCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task EditDose_BadInput_LeavesTheDoseAsItWas()
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);
        var id = (await client.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g" })).GetProperty("id").GetInt64();

        var put = await client.PutAsJsonAsync($"/api/v1/doses/{id}", new { amount = -3, unit = "g" });

        await put.ShouldBeProblemNamingAsync("amount");
        (await client.GetJsonAsync($"/api/v1/doses/{id}")).GetProperty("amount").GetDecimal().ShouldBe(2m);
        (await client.GetJsonAsync($"/api/v1/doses/{id}/history")).GetArrayLength().ShouldBe(0);
    }

    public static TheoryData<string, string> BadProducts => new()
    {
        { """{"kind":"kratom","form":"powder"}""", "name" },
        { """{"name":"x","kind":"herb","form":"powder"}""", "kind" },
        { """{"name":"x","kind":"opioid","form":"tablet"}""", "opioid" },
        { """{"name":"x","kind":"opioid","form":"tablet","opioid":"heroin"}""", "opioid" },
        { """{"name":"x","kind":"kratom","form":"capsule","gramsPerCapsule":-1}""", "gramsPerCapsule" },
        { """{"name":"x","kind":"kratom","form":"capsule","gramsPerCapsule":"half"}""", "gramsPerCapsule" },
        { """{"name":"x","kind":"kratom","form":"patch"}""", "form" },
    };

    [Theory]
    [MemberData(nameof(BadProducts))]
    public async Task CreateProduct_BadInput_Is400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var client = await app.NewUserClientAsync();

        await (await client.PostRawAsync("/api/v1/products", json)).ShouldBeProblemNamingAsync(field);

        (await client.GetJsonAsync("/api/v1/products")).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"timeZone":"Mars/Olympus_Mons"}""", "timeZone")]
    [InlineData("""{"dayStartHour":24}""", "dayStartHour")]
    [InlineData("""{"dayStartHour":-1}""", "dayStartHour")]
    [InlineData("""{"preferredUnit":"oz"}""", "preferredUnit")]
    [InlineData("""{"name":""}""", "name")]
    public async Task UpdateMe_BadInput_Is400AndChangesNothing(string json, string field)
    {
        var client = await app.NewUserClientAsync("America/Chicago");

        var response = await client.PutAsync("/api/v1/me", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemNamingAsync(field);
        var me = await client.GetJsonAsync("/api/v1/me");
        me.GetProperty("timeZone").GetString().ShouldBe("America/Chicago");
        me.GetProperty("dayStartHour").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/v1/doses?from=2026-13-01", "from")]
    [InlineData("/api/v1/doses?to=yesterday", "to")]
    [InlineData("/api/v1/doses?from=2026-11-20&to=2026-11-10", "to")]
    [InlineData("/api/v1/doses?from=2020-01-01&to=2026-11-10", "from")]
    [InlineData("/api/v1/days/25-11-2026", "date")]
    public async Task Queries_BadDates_Are400NamingTheParameter(string path, string field)
    {
        var client = await app.NewUserClientAsync();
        await (await client.GetAsync(path)).ShouldBeProblemNamingAsync(field);
    }
}
