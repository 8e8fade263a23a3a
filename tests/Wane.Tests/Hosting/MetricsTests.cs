using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Shouldly;
using Wane.Tests.Support;
using Wane.Web;

namespace Wane.Tests.Hosting;

/// <summary>Opt-in metrics: off by default (nothing registered, 404); on, Prometheus text labelled by route templates.</summary>
public partial class MetricsTests
{
    [Fact]
    public async Task Off_ByDefault_NoEndpointAndNothingRegistered()
    {
        await using var app = new WaneApp();
        await app.InitializeAsync();

        using var plain = new HttpClient { BaseAddress = app.BaseAddress };
        (await plain.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        app.Services.GetService<MeterProvider>().ShouldBeNull();
    }

    [Fact]
    public async Task On_ScrapeHasRequestDurations_LabelledByRouteTemplateOnly()
    {
        await using var app = new WaneApp { Settings = ["--Metrics:Enabled", "true"] };
        await app.InitializeAsync();
        var client = await app.NewUserClientAsync();
        var me = await client.GetJsonAsync("/api/v1/me");
        var product = await client.CreateProductAsync(new { name = "Metric Maeng Da", kind = "kratom", form = "powder" });
        var dose = await client.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g", note = "not for metrics" });
        var doseId = dose.GetProperty("id").ToString();
        (await client.GetAsync($"/api/v1/doses/{doseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/days/2026-11-25")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var scraper = new HttpClient { BaseAddress = app.BaseAddress };
        var text = await ScrapeUntilAsync(scraper, "http_route=\"/api/v1/doses/{id:long}\"");

        text.ShouldContain("http_server_request_duration_seconds_bucket");
        text.ShouldContain("http_route=\"/api/v1/doses\"");
        text.ShouldContain("http_route=\"/api/v1/days/{date}\"");
        var labels = Label().Matches(text).Select(m => (Name: m.Groups[1].Value, Value: m.Groups[2].Value)).ToList();
        labels.ShouldNotBeEmpty();
        labels.ShouldNotContain(l => l.Name == "url_path" || l.Name == "url_full" || l.Name == "client_address" || l.Name == "user_id");
        foreach (var (_, value) in labels)
        {
            value.ShouldNotContain(me.GetProperty("name").GetString()!);
            value.ShouldNotContain("2026-11-25");
            value.ShouldNotContain("Maeng");
        }
        foreach (var route in labels.Where(l => l.Name == "http_route").Select(l => l.Value))
        {
            route.Split('/').ShouldNotContain(segment => segment.Length > 0 && segment.All(char.IsAsciiDigit), route);
        }
        text.ShouldNotContain("not for metrics");
    }

    [Fact]
    public async Task OwnUrl_ServesOnlyMetricsThere_AndNoMetricsOnTheAppsAddress()
    {
        var port = FreePort();
        await using var app = new WaneApp { Settings = ["--Metrics:Enabled", "true", "--Metrics:Url", $"http://127.0.0.1:{port}"] };
        await app.InitializeAsync();
        app.BaseAddress.Port.ShouldNotBe(port);

        using var main = new HttpClient { BaseAddress = app.BaseAddress };
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        (await main.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await main.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await metrics.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await metrics.GetAsync("/signin")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var scrape = await metrics.GetAsync("/metrics");
        scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await scrape.Content.ReadAsStringAsync()).ShouldContain("# TYPE ");
    }

    [Theory]
    [InlineData("Metrics:Enabled", "yes", null)]
    [InlineData("Metrics:Url", "true", "ftp://127.0.0.1:9464")]
    [InlineData("Metrics:Url", "true", "http://127.0.0.1")]
    [InlineData("Metrics:Url", "true", "http://127.0.0.1:9464/scrape")]
    [InlineData("Metrics:Url", "true", "127.0.0.1:9464")]
    public void BadSettings_AreRefusedNamingTheSetting(string named, string enabled, string? url)
    {
        string[] args = ["--Metrics:Enabled", enabled, "--DataDir", Path.GetTempPath(), .. url is null ? Array.Empty<string>() : ["--Metrics:Url", url]];
        Should.Throw<InvalidOperationException>(() => WaneWeb.Build(args)).Message.ShouldStartWith(named + ":");
    }

    /// <summary>The duration is recorded as the response ends, so a scrape right after may not have it yet (bounded).</summary>
    private static async Task<string> ScrapeUntilAsync(HttpClient scraper, string expected)
    {
        var text = "";
        for (var attempt = 0; attempt < 50 && !text.Contains(expected, StringComparison.Ordinal); attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(100);
            }
            var response = await scraper.GetAsync("/metrics");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            text = await response.Content.ReadAsStringAsync();
        }
        text.ShouldContain(expected);
        return text;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("""(\w+)="((?:[^"\\]|\\.)*)"\s*[,}]""")]
    private static partial Regex Label();
}
