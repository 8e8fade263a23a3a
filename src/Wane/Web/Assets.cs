using System.Reflection;
using System.Security.Cryptography;

namespace Wane.Web;

/// <summary>
/// Serves the stylesheet from the assembly, so the app needs no content root or static-files folder
/// wherever it runs (installed, in tests, in a container).
/// </summary>
internal static class Assets
{
    private static readonly Lazy<(byte[] Bytes, string ETag)> Css = new(() => Load("Wane.Web.site.css"));
    private static readonly Lazy<(byte[] Bytes, string ETag)> Script = new(() => Load("Wane.Web.wane.js"));

    public static string CssUrl => "/assets/site.css?v=" + Css.Value.ETag[1..9];

    /// <summary>The one script: progressive enhancement only (every page works without it), and never inline, for a strict CSP.</summary>
    public static string ScriptUrl => "/assets/wane.js?v=" + Script.Value.ETag[1..9];

    public static void MapAssets(this IEndpointRouteBuilder app)
    {
        Map(app, "/assets/site.css", Css, "text/css; charset=utf-8");
        Map(app, "/assets/wane.js", Script, "text/javascript; charset=utf-8");
    }

    private static void Map(IEndpointRouteBuilder app, string path, Lazy<(byte[] Bytes, string ETag)> asset, string contentType) =>
        app.MapGet(path, (HttpContext http) =>
        {
            var (bytes, etag) = asset.Value;
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return http.Request.Headers.IfNoneMatch == etag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(bytes, contentType);
        }).ExcludeFromDescription().AllowAnonymous();

    private static (byte[], string) Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        var bytes = ms.ToArray();
        return (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
    }
}
