using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace Wane.Web;

/// <summary>
/// Running behind a TLS-terminating reverse proxy, and which hosts are answered.
/// <list type="bullet">
/// <item><c>ForwardedHeaders:KnownProxies</c> (IP addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges):
/// only from these are <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> believed, so a request that reached the
/// proxy over HTTPS counts as HTTPS here (Secure cookies, HSTS). With neither set the headers are ignored.</item>
/// <item><c>PublicUrl</c>: where a public URL is configured, requests for any other host are refused (400), adding to
/// <c>AllowedHosts</c> when that names hosts of its own.</item>
/// </list>
/// </summary>
internal static class ProxyAndHosts
{
    public static void AddProxyAndHosts(this IServiceCollection services, IConfiguration configuration)
    {
        var publicUrl = PublicUrl.Parse(configuration["PublicUrl"]);
        services.AddSingleton<PublicUrl>();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });

        var proxies = List(configuration, "ForwardedHeaders:KnownProxies").Select(p => IPAddress.TryParse(p, out var ip)
            ? ip : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{p}\" is not an IP address.")).ToList();
        var networks = List(configuration, "ForwardedHeaders:KnownNetworks").Select(n => System.Net.IPNetwork.TryParse(n, out var net)
            ? net : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: \"{n}\" is not a CIDR range such as 10.0.0.0/8.")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Exactly the configured proxies: the defaults would also trust loopback.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        services.AddSingleton(new ForwardingEnabled(proxies.Count + networks.Count > 0));

        if (publicUrl is not null)
        {
            // Runs after ASP.NET Core's own binding of AllowedHosts, which fills in "*" when it is unset.
            services.PostConfigure<HostFilteringOptions>(o =>
            {
                var own = o.AllowedHosts.Where(h => h != "*");
                o.AllowedHosts = [.. own.Append(publicUrl.IdnHost).Distinct(StringComparer.OrdinalIgnoreCase)];
            });
        }
    }

    /// <summary>Believes forwarded headers only when proxies are configured.</summary>
    public static IApplicationBuilder UseProxyAndHosts(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<ForwardingEnabled>().Value)
        {
            app.UseForwardedHeaders();
        }
        return app.UseHsts();
    }

    /// <summary>A list setting given as an array (<c>KnownProxies:0</c>, …) or as one comma- or semicolon-separated value.</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } one ? [one] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private sealed record ForwardingEnabled(bool Value);
}
