using System.Net;
using System.Net.Http.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Products;

/// <summary>Deleting a product never used, archiving one that was: over the API and on the pages.</summary>
public class ProductRetireTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static readonly object Green = new { name = "Green Malay", kind = "kratom", form = "powder", strain = "green" };

    [Fact]
    public async Task Delete_ProductNeverUsed_Answers204AndItIsGone()
    {
        using var api = await app.NewUserClientAsync();
        var product = await api.CreateProductAsync(Green);

        (await api.DeleteAsync($"/api/v1/products/{product}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await api.GetAsync($"/api/v1/products/{product}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.DeleteAsync($"/api/v1/products/{product}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_ProductWithADose_Answers409SayingToArchiveAndKeepsBoth()
    {
        using var api = await app.NewUserClientAsync();
        var product = await api.CreateProductAsync(Green);
        await api.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g" });
        var before = await RowCounts.OfAsync(app.DataDir);

        var response = await api.DeleteAsync($"/api/v1/products/{product}");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync()).GetProperty("title").GetString()!.ShouldContain("archive it");
        (await RowCounts.OfAsync(app.DataDir)).ShouldBe(before);
        (await api.GetJsonAsync($"/api/v1/products/{product}")).GetProperty("archived").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Archive_UsedProduct_KeepsItsDosesUnderItsNameAndUnarchiveBringsItBack()
    {
        using var api = await app.NewUserClientAsync();
        var product = await api.CreateProductAsync(Green);
        var dose = (await api.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g" })).GetProperty("id").GetInt64();

        var archived = await api.PostAsync($"/api/v1/products/{product}/archive", null);

        archived.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await archived.JsonAsync()).GetProperty("archived").GetBoolean().ShouldBeTrue();
        (await api.GetJsonAsync($"/api/v1/doses/{dose}")).GetProperty("productName").GetString().ShouldBe("Green Malay");
        (await api.GetJsonAsync("/api/v1/products/")).EnumerateArray().Single().GetProperty("archived").GetBoolean().ShouldBeTrue();
        (await api.PostAsync($"/api/v1/products/{product}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var back = await api.PostAsync($"/api/v1/products/{product}/unarchive", null);
        (await back.JsonAsync()).GetProperty("archived").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task LogDose_ArchivedProductOverTheApi_IsRecorded()
    {
        using var api = await app.NewUserClientAsync();
        var product = await api.CreateProductAsync(Green);
        (await api.PostAsync($"/api/v1/products/{product}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var dose = await api.LogDoseOkAsync(new { productId = product, amount = 1.5, unit = "g" });

        dose.GetProperty("productName").GetString().ShouldBe("Green Malay");
        (await api.DoseCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task ExportThenImport_ArchivedProduct_StaysArchived()
    {
        using var alice = await app.NewUserClientAsync();
        var product = await alice.CreateProductAsync(Green);
        await alice.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g" });
        (await alice.PostAsync($"/api/v1/products/{product}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var export = await (await alice.GetAsync("/api/v1/export")).Content.ReadAsByteArrayAsync();
        System.Text.Encoding.UTF8.GetString(export).ShouldMatch("\"archivedAt\":\\s*\"2026-11-25T15:00:00Z\"");
        using var fresh = await app.NewUserClientAsync();

        var imported = await fresh.PostAsync("/api/v1/import?format=wane", new ByteArrayContent(export) { Headers = { ContentType = new("application/json") } });

        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var products = await fresh.GetJsonAsync("/api/v1/products/");
        products.EnumerateArray().Single().GetProperty("archived").GetBoolean().ShouldBeTrue();
        (await fresh.DoseCountAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData("POST", "/api/v1/products/999999/archive")]
    [InlineData("POST", "/api/v1/products/999999/unarchive")]
    [InlineData("DELETE", "/api/v1/products/999999")]
    [InlineData("DELETE", "/api/v1/products/-1")]
    public async Task Retire_UnknownProduct_Answers404(string method, string path)
    {
        using var api = await app.NewUserClientAsync();

        var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Retire_ProductIdNotANumber_IsNotARoute()
    {
        using var api = await app.NewUserClientAsync();

        (await api.PostAsync("/api/v1/products/abc/archive", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.DeleteAsync("/api/v1/products/1.5")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TodayPage_ArchivedProduct_LeavesTheFormSameAsLastTimeAndFavourites()
    {
        var name = "web-" + Guid.NewGuid().ToString("N")[..8];
        using var api = await app.NewUserClientAsync("UTC", name);
        var bali = await api.CreateProductAsync(Intents.RedBali);
        var green = await api.CreateProductAsync(Green);
        await api.LogDoseOkAsync(new { productId = bali, amount = 2, unit = "g", takenAt = "2026-11-25T06:00:00Z" });
        await api.LogDoseOkAsync(new { productId = green, amount = 3, unit = "g", takenAt = "2026-11-25T08:00:00Z" });
        (await api.PutAsJsonAsync($"/api/v1/products/{green}/favourites", new { favourites = new[] { new { amount = 4, unit = "g" } } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        (await browser.GetAsync("/")).Html.ShouldContain("Same as last time: 3 g Green Malay");

        (await api.PostAsync($"/api/v1/products/{green}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, html) = await browser.GetAsync("/");

        html.ShouldNotContain($"<option value=\"{green}\"");
        html.ShouldNotContain("Same as last time: 3 g Green Malay");
        html.ShouldNotContain("Log 4 g of Green Malay");
        html.ShouldContain($"<option value=\"{bali}\" selected=\"selected\"");
        html.ShouldContain("Same as last time: 2 g Red Bali");
        html.ShouldContain("Green Malay"); // today's dose list still names it
    }

    [Fact]
    public async Task ProductsPage_ArchiveThenUnarchive_ShowsItApartWithAnUnarchiveButton()
    {
        var name = "web-" + Guid.NewGuid().ToString("N")[..8];
        using var api = await app.NewUserClientAsync("UTC", name);
        var green = await api.CreateProductAsync(Green);
        await api.LogDoseOkAsync(new { productId = green, amount = 3, unit = "g" });
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        var (_, edit) = await browser.GetAsync($"/products/{green}");
        edit.ShouldContain("cannot be deleted; archive it instead");
        edit.ShouldNotContain("Delete this product");

        var (archived, list) = await browser.PostFromAsync(edit, $"/products/{green}?handler=Archive", new Dictionary<string, string>());

        archived.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.ShouldContain("id=\"archived-h\"");
        list[list.IndexOf("id=\"archived-h\"", StringComparison.Ordinal)..].ShouldContain("Unarchive Green Malay");
        (await api.GetJsonAsync($"/api/v1/products/{green}")).GetProperty("archived").GetBoolean().ShouldBeTrue();

        var (_, after) = await browser.PostFromAsync(list, $"/products?handler=Unarchive&id={green}", new Dictionary<string, string>());

        after.ShouldNotContain("id=\"archived-h\"");
        (await api.GetJsonAsync($"/api/v1/products/{green}")).GetProperty("archived").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task ProductPage_DeleteUnusedProduct_RemovesIt()
    {
        var name = "web-" + Guid.NewGuid().ToString("N")[..8];
        using var api = await app.NewUserClientAsync("UTC", name);
        var green = await api.CreateProductAsync(Green);
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        var (_, edit) = await browser.GetAsync($"/products/{green}");

        var (response, _) = await browser.PostFromAsync(edit, $"/products/{green}?handler=Delete", new Dictionary<string, string>());

        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/products");
        (await api.GetAsync($"/api/v1/products/{green}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
