using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Wane.Web;

/// <summary>
/// Serves the stylesheet, scripts and icon from the assembly, so the app needs no content root or
/// static-files folder wherever it runs (installed, in tests, in a container). Every page script is
/// a file here, never inline, so a strict Content-Security-Policy (script-src 'self') holds.
/// </summary>
internal static class Assets
{
    private sealed record Asset(byte[] Bytes, string ETag, string ContentType);

    private static readonly Lazy<FrozenDictionary<string, Asset>> All = new(() => new Dictionary<string, Asset>(StringComparer.Ordinal)
    {
        ["site.css"] = Load("site.css", "text/css; charset=utf-8"),
        ["site.js"] = Load("site.js", "text/javascript; charset=utf-8"),
        ["api-reference.js"] = Load("api-reference.js", "text/javascript; charset=utf-8"),
        ["passkeys.js"] = Load("passkeys.js", "text/javascript; charset=utf-8"),
        ["favicon.svg"] = Load("favicon.svg", "image/svg+xml"),
    }.ToFrozenDictionary(StringComparer.Ordinal));

    public static string CssUrl => Url("site.css");

    public static string JsUrl => Url("site.js");

    public static string ApiReferenceUrl => Url("api-reference.js");

    public static string FaviconUrl => Url("favicon.svg");

    /// <summary>The asset's address with its content hash, so it can be cached for a year.</summary>
    public static string Url(string name) => "/assets/" + name + "?v=" + All.Value[name].ETag[1..9];

    public static void MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            if (!All.Value.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }
            http.Response.Headers.ETag = asset.ETag;
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return http.Request.Headers.IfNoneMatch == asset.ETag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(asset.Bytes, asset.ContentType);
        }).ExcludeFromDescription().AllowAnonymous();
        // Browsers ask for /favicon.ico on their own (the API reference page has no icon link).
        app.MapGet("/favicon.ico", () => Results.Redirect(FaviconUrl, permanent: true)).ExcludeFromDescription().AllowAnonymous();
    }

    private static Asset Load(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Wane.Web.assets." + name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        var bytes = ms.ToArray();
        return new(bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"", contentType);
    }
}
