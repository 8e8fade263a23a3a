using System.Reflection;
using System.Security.Cryptography;

namespace Wane.Web;

/// <summary>
/// Serves the stylesheet and scripts from the assembly, so the app needs no content root or static-files folder
/// wherever it runs (installed, in tests, in a container). Pages carry no inline script or style (see
/// <see cref="SecurityHeaders"/>); everything they run comes from here.
/// </summary>
internal static class Assets
{
    private static readonly Lazy<(byte[] Bytes, string ETag)> Css = new(() => Load("Wane.Web.site.css"));
    private static readonly Lazy<(byte[] Bytes, string ETag)> Js = new(() => Load("Wane.Web.site.js"));
    private static readonly Lazy<(byte[] Bytes, string ETag)> ApiJs = new(() => Load("Wane.Web.api-reference.js"));

    public static string CssUrl => "/assets/site.css?v=" + Css.Value.ETag[1..9];

    public static string JsUrl => "/assets/site.js?v=" + Js.Value.ETag[1..9];

    public static string ApiReferenceUrl => "/assets/api-reference.js?v=" + ApiJs.Value.ETag[1..9];

    public static void MapAssets(this IEndpointRouteBuilder app)
    {
        Map(app, "/assets/site.css", Css, "text/css; charset=utf-8");
        Map(app, "/assets/site.js", Js, "text/javascript; charset=utf-8");
        Map(app, "/assets/api-reference.js", ApiJs, "text/javascript; charset=utf-8");
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
