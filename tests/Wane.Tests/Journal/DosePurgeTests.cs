using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Data;
using Wane.Tests.Support;

namespace Wane.Tests.Journal;

/// <summary>Deleting a dose with a purge erases its content from the audit trail; a retry is still answered 410.</summary>
public class DosePurgeTests(WaneApp app) : IClassFixture<WaneApp>
{
    /// <summary>Every text value of dose_audits rows for a dose, read straight from the database (either provider).</summary>
    private async Task<List<string>> TrailTextAsync(long doseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var rows = await db.DoseAudits.AsNoTracking().Where(a => a.DoseId == doseId).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.Before, a.After }).ToListAsync();
        return [.. rows.Select(r => $"{r.Action}|{r.Before}|{r.After}")];
    }

    private static async Task<(long Dose, Guid ClientId)> DoseWithHistoryAsync(HttpClient api, string marker)
    {
        var product = await api.CreateProductAsync(Intents.RedBali);
        var clientId = Guid.NewGuid();
        var dose = (await api.LogDoseOkAsync(new { productId = product, amount = 2.75, unit = "g", note = marker, clientId })).GetProperty("id").GetInt64();
        (await api.PutAsJsonAsync($"/api/v1/doses/{dose}", new { amount = 3.125, unit = "g", note = marker + "-edited" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (dose, clientId);
    }

    [Fact]
    public async Task Delete_WithoutPurge_KeepsTheFieldsInTheTrail()
    {
        using var api = await app.NewUserClientAsync();
        var marker = "keep-" + Guid.NewGuid().ToString("N");
        var (dose, _) = await DoseWithHistoryAsync(api, marker);

        (await api.DeleteAsync($"/api/v1/doses/{dose}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        string.Join("\n", await TrailTextAsync(dose)).ShouldContain(marker);
        (await api.GetJsonAsync($"/api/v1/doses/{dose}/history")).GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Delete_WithPurge_LeavesNoAmountOrNoteInAnyAuditRowAndARetryIsGone()
    {
        using var api = await app.NewUserClientAsync();
        var marker = "erase-" + Guid.NewGuid().ToString("N");
        var (dose, clientId) = await DoseWithHistoryAsync(api, marker);
        var product = (await api.GetJsonAsync($"/api/v1/doses/{dose}")).GetProperty("productId").GetInt64();

        (await api.DeleteAsync($"/api/v1/doses/{dose}?purge=true")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var trail = await TrailTextAsync(dose);
        trail.ShouldBe(["purged||"]);
        foreach (var text in new[] { marker, "2.75", "3.125" })
        {
            string.Join("\n", trail).ShouldNotContain(text);
        }
        (await api.GetAsync($"/api/v1/doses/{dose}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var history = await api.GetJsonAsync($"/api/v1/doses/{dose}/history");
        history.EnumerateArray().Select(c => c.GetProperty("action").GetString()).ShouldBe(["purged"]);
        var retry = await api.LogDoseAsync(new { productId = product, amount = 2.75, unit = "g", note = marker, clientId });
        retry.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await api.DoseCountAsync()).ShouldBe(0);
        (await api.GetStringAsync("/api/v1/export")).ShouldNotContain(marker);
    }

    [Fact]
    public async Task Delete_PurgeOfADoseDeletedEarlier_ErasesWhatTheTrailKept()
    {
        using var api = await app.NewUserClientAsync();
        var marker = "later-" + Guid.NewGuid().ToString("N");
        var (dose, _) = await DoseWithHistoryAsync(api, marker);
        (await api.DeleteAsync($"/api/v1/doses/{dose}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await api.DeleteAsync($"/api/v1/doses/{dose}?purge=true")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await TrailTextAsync(dose)).ShouldBe(["purged||"]);
        (await api.DeleteAsync($"/api/v1/doses/{dose}?purge=true")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_PurgeOfADoseWithoutClientId_LeavesNoRowAtAll()
    {
        using var api = await app.NewUserClientAsync();
        var product = await api.CreateProductAsync(Intents.RedBali);
        var dose = (await api.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g" })).GetProperty("id").GetInt64();

        (await api.DeleteAsync($"/api/v1/doses/{dose}?purge=true")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await TrailTextAsync(dose)).ShouldBeEmpty();
        (await api.GetAsync($"/api/v1/doses/{dose}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("2")]
    public async Task Delete_PurgeNotABoolean_Answers400AndDeletesNothing(string purge)
    {
        using var api = await app.NewUserClientAsync();
        var product = await api.CreateProductAsync(Intents.RedBali);
        var dose = (await api.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g" })).GetProperty("id").GetInt64();

        var response = await api.DeleteAsync($"/api/v1/doses/{dose}?purge={purge}");

        await response.ShouldBeProblemNamingAsync("purge");
        (await api.GetAsync($"/api/v1/doses/{dose}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DosePage_DeleteWithTheEraseBox_PurgesTheTrail()
    {
        var name = "web-" + Guid.NewGuid().ToString("N")[..8];
        using var api = await app.NewUserClientAsync("UTC", name);
        var marker = "page-" + Guid.NewGuid().ToString("N");
        var (dose, _) = await DoseWithHistoryAsync(api, marker);
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        var (_, page) = await browser.GetAsync($"/doses/{dose}");
        page.ShouldContain("Also erase it from the change history");

        var (response, _) = await browser.PostFromAsync(page, $"/doses/{dose}?handler=Delete", new Dictionary<string, string> { ["Purge"] = "true" });

        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        (await TrailTextAsync(dose)).ShouldBe(["purged||"]);
    }
}
