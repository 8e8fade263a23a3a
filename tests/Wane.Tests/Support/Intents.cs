using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace Wane.Tests.Support;

/// <summary>Intent helpers that keep API tests short.</summary>
public static class Intents
{
    public static readonly object RedBali = new { name = "Red Bali", kind = "kratom", form = "powder", strain = "red", gramsPerTeaspoon = 2.5 };

    public static async Task<long> CreateProductAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/products", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    public static Task<HttpResponseMessage> LogDoseAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/v1/doses", body);

    public static async Task<JsonElement> LogDoseOkAsync(this HttpClient client, object body)
    {
        var response = await client.LogDoseAsync(body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("dose");
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>Asserts a 400 problem whose errors name <paramref name="field"/>.</summary>
    public static async Task ShouldBeProblemNamingAsync(this HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        errors.TryGetProperty(field, out _).ShouldBeTrue($"expected an error for '{field}' in {text}");
    }

    public static async Task<int> DoseCountAsync(this HttpClient client, string from = "2026-11-01", string to = "2026-11-30") =>
        (await client.GetJsonAsync($"/api/v1/doses?from={from}&to={to}")).GetProperty("doses").GetArrayLength();
}
