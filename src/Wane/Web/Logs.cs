using Microsoft.Extensions.Logging.Console;

namespace Wane.Web;

/// <summary>
/// How <c>wane serve</c> writes its log. <c>Logging:Format</c>: <c>plain</c> (the default, ASP.NET Core's
/// console lines), <c>json</c> (one JSON object a line, UTC timestamps, for a log collector) or <c>systemd</c>
/// (one line per entry with syslog priority prefixes, for journald). Levels as usual, <c>Logging:LogLevel:*</c>.
/// <para>
/// Wane itself logs no personal data (no doses, notes, product names, user names, tokens). ASP.NET Core's
/// per-request lines (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c> at Information: "Request starting GET
/// http://…/path?query") print whole URLs, and a calendar feed's URL is its secret, so that category is held at
/// Warning whatever the settings say. Debug and Trace levels of ASP.NET Core print paths and handler arguments:
/// they are for development, never for a server with people's data (docs/hosting.md).
/// </para>
/// </summary>
internal static class Logs
{
    public const string RequestLineCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static void AddWaneLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"]?.Trim();
        switch (format?.ToLowerInvariant())
        {
            case null or "" or "plain":
                break;
            case "json":
                builder.Logging.AddJsonConsole(o =>
                {
                    // Scopes carry the request path; a collector correlates by TraceId in the state instead.
                    o.IncludeScopes = false;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'";
                    o.JsonWriterOptions = new() { Indented = false };
                });
                break;
            case "systemd":
                builder.Logging.AddSystemdConsole(o =>
                {
                    o.IncludeScopes = false;
                    o.UseUtcTimestamp = true;
                });
                break;
            default:
                throw new InvalidOperationException($"Logging:Format: \"{format}\" is not one of plain, json, systemd.");
        }
        // Both a rule for every provider and one for the console, since a provider's own rule (Logging:Console:LogLevel)
        // would otherwise win over a general one.
        builder.Logging.AddFilter(RequestLineCategory, level => level >= LogLevel.Warning);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(RequestLineCategory, level => level >= LogLevel.Warning);
    }
}
