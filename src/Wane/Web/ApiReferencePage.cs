using System.Text;

namespace Wane.Web;

/// <summary>
/// The API reference (Scalar's page at /api) said nothing without JavaScript, had no language and no
/// way back. Scalar lets us add header content (a link back and a noscript note); its template has no
/// <c>lang</c> option, so the page's opening tag is given one here.
/// </summary>
internal static class ApiReferencePage
{
    public const string HeaderContent =
        "<section class=\"wane-back\" aria-label=\"Wane\"><p><a href=\"/\">← Back to Wane</a> · <a href=\"/help\">Get help</a></p><h1>Wane API reference</h1>" +
        "<noscript><p>This is Wane's API reference: an interactive description of the JSON API that scripts use with a personal access token. " +
        "It needs JavaScript. Without it, read the description itself at <a href=\"/openapi/v1.json\">/openapi/v1.json</a>, " +
        "or go <a href=\"/\">back to Wane</a>.</p></noscript></section>";

    private static readonly byte[] Bare = Encoding.UTF8.GetBytes("<html>");
    private static readonly byte[] WithLang = Encoding.UTF8.GetBytes("<html lang=\"en\">");

    public static IApplicationBuilder UseApiReferenceLanguage(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            var path = ctx.Request.Path.Value;
            if (!HttpMethods.IsGet(ctx.Request.Method) || (path != "/api" && path != "/api/"))
            {
                await next(ctx).ConfigureAwait(false);
                return;
            }
            var original = ctx.Response.Body;
            using var buffer = new MemoryStream();
            ctx.Response.Body = buffer;
            try
            {
                await next(ctx).ConfigureAwait(false);
            }
            finally
            {
                ctx.Response.Body = original;
            }
            var bytes = buffer.ToArray();
            var at = bytes.AsSpan().IndexOf(Bare);
            if (at >= 0 && ctx.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
            {
                bytes = [.. bytes.AsSpan(0, at), .. WithLang, .. bytes.AsSpan(at + Bare.Length)];
            }
            ctx.Response.ContentLength = bytes.Length;
            await original.WriteAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
        });
}
