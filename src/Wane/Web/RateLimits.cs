using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Wane.Web;

/// <summary>
/// Request limits (ASP.NET Core rate limiting, fixed windows): sign-in, password and share-PIN forms and calendar
/// feeds per client address, the API per token. A refused request gets 429 with <c>Retry-After</c>, as
/// problem details (or a short page for a browser's form). Each limit is <c>RateLimits:{Name}:PermitLimit</c>
/// requests per <c>RateLimits:{Name}:WindowSeconds</c>; a limit of 0 turns it off. Tokens that do not authenticate are
/// also counted per client address (<see cref="BadTokenLimit"/>).
/// </summary>
internal static class RateLimits
{
    private sealed record Limit(string Name, int Permits, TimeSpan Window)
    {
        public static Limit From(IConfiguration config, string name, int permits, int seconds) => new(name,
            config.GetValue($"RateLimits:{name}:PermitLimit", permits),
            TimeSpan.FromSeconds(Math.Max(1, config.GetValue($"RateLimits:{name}:WindowSeconds", seconds))));

        public RateLimitPartition<string> Partition(string key) => Permits <= 0
            ? RateLimitPartition.GetNoLimiter(Name)
            : RateLimitPartition.GetFixedWindowLimiter(Name + ":" + key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Permits,
                Window = Window,
                QueueLimit = 0,
            });
    }

    private static readonly string[] FormPaths = ["/signin", "/signin/two-factor", "/setup", "/signup", "/password", "/two-factor", "/passkeys", "/account/delete"];

    public static IServiceCollection AddWaneRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var signIn = Limit.From(config, "SignIn", 30, 60);
        var feed = Limit.From(config, "Feed", 60, 60);
        var api = Limit.From(config, "Api", 1200, 60);
        services.AddSingleton(new BadTokenLimit(config));
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var path = http.Request.Path;
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                // A link's PIN form (/s/{secret}) counts with the sign-in forms: a PIN is short, so guesses are limited per address
                // here and per link in the database (ShareGrants).
                if (HttpMethods.IsPost(http.Request.Method)
                    && (FormPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)) || path.StartsWithSegments("/s", StringComparison.OrdinalIgnoreCase)))
                {
                    return signIn.Partition(client);
                }
                if (path.StartsWithSegments("/calendar", StringComparison.OrdinalIgnoreCase))
                {
                    return feed.Partition(client);
                }
                if (path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase))
                {
                    // Per token (its hash: no secret kept in memory); requests without one share their client's window.
                    var auth = http.Request.Headers.Authorization.ToString();
                    return api.Partition(auth.Length == 0 ? "client:" + client : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(auth))));
                }
                return RateLimitPartition.GetNoLimiter("none");
            });
            o.OnRejected = RejectAsync;
        });
    }

    private static ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct) =>
        RefuseAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60), ct);

    /// <summary>The 429 answer, with <c>Retry-After</c>: problem details, or a short page for a browser's form.</summary>
    public static async ValueTask RefuseAsync(HttpContext http, TimeSpan after, CancellationToken ct)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"Too many requests. Wait {seconds} seconds and try again.";
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Too many attempts</title><h1>Too many attempts</h1><p>{detail}</p><p>In a crisis, call or text <a href=\"tel:988\">988</a>. <a href=\"/help\">Get help</a></p></html>",
                ct).ConfigureAwait(false);
            return;
        }
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail).ExecuteAsync(http).ConfigureAwait(false);
    }
}
