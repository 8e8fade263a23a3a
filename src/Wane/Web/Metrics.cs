using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Wane.Web;

/// <summary>
/// Opt-in metrics for the people who run Wane: OpenTelemetry's ASP.NET Core and .NET runtime meters, served
/// as Prometheus text at <c>/metrics</c> for a scraper to pull. Nothing is ever sent out (no OTLP or other
/// exporter is in the build). Off by default: with <c>Metrics:Enabled</c> unset nothing of OpenTelemetry is
/// registered and <c>/metrics</c> answers 404.
/// <list type="bullet">
/// <item><c>Metrics:Enabled=true</c>: <c>/metrics</c> on Wane's own address (block it at the reverse proxy).</item>
/// <item><c>Metrics:Url=http://127.0.0.1:9464</c>: Wane listens there as well, answers only <c>/metrics</c> there,
/// and no longer answers <c>/metrics</c> on its own address (for a scraper on a private network).</item>
/// </list>
/// Labels are those of the meters: method, status code, scheme and the route <em>template</em>
/// (<c>/api/v1/doses/{id:long}</c>), never the path, a user or a client address.
/// </summary>
internal static class Metrics
{
    public const string Path = "/metrics";

    public static void AddWaneMetrics(this WebApplicationBuilder builder)
    {
        var settings = Settings.From(builder.Configuration);
        if (!settings.Enabled)
        {
            return;
        }
        builder.Services.AddSingleton(settings);
        if (settings.Url is { } url)
        {
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
            builder.WebHost.UseUrls(string.IsNullOrEmpty(urls) ? url.GetLeftPart(UriPartial.Authority) : $"{urls};{url.GetLeftPart(UriPartial.Authority)}");
        }
        var version = typeof(Metrics).Assembly.GetName().Version?.ToString(3);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("wane", serviceVersion: version, autoGenerateServiceInstanceId: false))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("System.Runtime")
                .AddPrometheusExporter());
    }

    /// <summary>With a metrics URL, that port answers only <c>/metrics</c> and the others everything else.</summary>
    public static IApplicationBuilder UseWaneMetricsPort(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetService<Settings>() is not { Url.Port: var port })
        {
            return app;
        }
        return app.Use((ctx, next) =>
        {
            var onMetricsPort = ctx.Connection.LocalPort == port;
            var asksForMetrics = ctx.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);
            if (onMetricsPort != asksForMetrics)
            {
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(ctx);
        });
    }

    public static void MapWaneMetrics(this WebApplication app)
    {
        if (app.Services.GetService<Settings>() is not null)
        {
            app.MapPrometheusScrapingEndpoint(Path).AllowAnonymous().DisableRateLimiting();
        }
    }

    internal sealed record Settings(bool Enabled, Uri? Url)
    {
        public static Settings From(IConfiguration configuration)
        {
            var enabledText = configuration["Metrics:Enabled"];
            var enabled = false;
            if (!string.IsNullOrWhiteSpace(enabledText) && !bool.TryParse(enabledText.Trim(), out enabled))
            {
                throw new InvalidOperationException($"Metrics:Enabled: \"{enabledText}\" is not true or false.");
            }
            var urlText = configuration["Metrics:Url"];
            if (string.IsNullOrWhiteSpace(urlText))
            {
                return new(enabled, null);
            }
            if (!Uri.TryCreate(urlText.Trim(), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp
                || url.IsDefaultPort || url.Port == 0 || url.AbsolutePath != "/")
            {
                throw new InvalidOperationException(
                    $"Metrics:Url: \"{urlText}\" is not an http:// address with a port of its own, such as http://127.0.0.1:9464.");
            }
            return new(enabled, url);
        }
    }
}
