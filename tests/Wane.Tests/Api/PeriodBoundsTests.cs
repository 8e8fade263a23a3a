using System.Net;
using System.Net.Http.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

/// <summary>
/// <c>?from&amp;to</c> at the ends of the calendar and malformed, on the report, the FHIR export and the viewer's
/// shared reads: each is a 400 naming the parameter, never a 500.
/// </summary>
public class PeriodBoundsTests(WaneApp app) : IClassFixture<WaneApp>
{
    /// <summary>The query, and the parameter a 400 must name.</summary>
    public static TheoryData<string, string> BadPeriods => new()
    {
        { "from=0000-01-01&to=0000-01-02", "from" },
        { "from=0000-01-01", "from" },
        { "from=0001-01-01&to=0001-01-31", "from" },
        { "from=2026-11-01&to=9999-12-31", "to" },
        { "to=9999-12-31", "to" },
        { "from=9999-12-01&to=9999-12-31", "from" },
        { "from=-0001-01-01&to=2026-11-01", "from" },
        { "from=2026-13-45&to=2026-11-25", "from" },
        { "from=2026-11-01&to=25/11/2026", "to" },
        { "from=2026-11-01&to=2026-11-25T00:00", "to" },
        { "from=99999-01-01&to=2026-11-25", "from" },
        { "from=%00&to=2026-11-25", "from" },
    };

    [Theory]
    [MemberData(nameof(BadPeriods))]
    public async Task Report_BadPeriod_Is400NamingTheParameter(string query, string field)
    {
        using var client = await app.NewUserClientAsync("Pacific/Kiritimati");
        await (await client.GetAsync("/api/v1/reports/summary?" + query)).ShouldBeProblemNamingAsync(field);
    }

    [Theory]
    [MemberData(nameof(BadPeriods))]
    public async Task FhirExport_BadPeriod_Is400NamingTheParameter(string query, string field)
    {
        using var client = await app.NewUserClientAsync("Etc/GMT+12");
        await (await client.GetAsync("/api/v1/export/fhir?" + query)).ShouldBeProblemNamingAsync(field);
    }

    [Theory]
    [MemberData(nameof(BadPeriods))]
    public async Task SharedReads_BadPeriod_Are400NamingTheParameter(string query, string field)
    {
        var viewerName = "viewer-" + Guid.NewGuid().ToString("N")[..6];
        using var owner = await app.NewUserClientAsync("Pacific/Kiritimati");
        using var viewer = await app.NewUserClientAsync("UTC", viewerName);
        var created = await (await owner.PostAsJsonAsync("/api/v1/shares", new { to = viewerName, scopes = new[] { "plan", "checkins", "doses" } })).JsonAsync();
        var id = created.GetProperty("share").GetProperty("id").GetInt64();

        foreach (var read in new[] { "plan", "checkins", "doses", "trends" })
        {
            await (await viewer.GetAsync($"/api/v1/shared/{id}/{read}?{query}")).ShouldBeProblemNamingAsync(field);
        }
    }

    [Fact]
    public async Task EveryRead_AtTheEndsOfTheAllowedRange_IsAnswered()
    {
        var viewerName = "viewer-" + Guid.NewGuid().ToString("N")[..6];
        using var owner = await app.NewUserClientAsync("Pacific/Kiritimati");
        using var viewer = await app.NewUserClientAsync("UTC", viewerName);
        var id = (await (await owner.PostAsJsonAsync("/api/v1/shares", new { to = viewerName, scopes = new[] { "plan", "checkins", "doses" } })).JsonAsync())
            .GetProperty("share").GetProperty("id").GetInt64();

        foreach (var period in new[] { "from=1900-01-01&to=1900-01-31", "from=2200-12-01&to=2200-12-31" })
        {
            foreach (var (client, path) in new[] { (owner, "/api/v1/reports/summary"), (owner, "/api/v1/export/fhir"), (viewer, $"/api/v1/shared/{id}/plan"),
                (viewer, $"/api/v1/shared/{id}/checkins"), (viewer, $"/api/v1/shared/{id}/doses"), (viewer, $"/api/v1/shared/{id}/trends") })
            {
                var response = await client.GetAsync($"{path}?{period}");
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}?{period}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}
