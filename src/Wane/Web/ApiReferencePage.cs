using System.Net;

namespace Wane.Web;

/// <summary>
/// The API reference page at <c>/api</c>. Scalar's own page starts with an inline module script; this one loads
/// Scalar's files (still served by <c>MapScalarApiReference</c> under /api/) and starts it from /assets/, so
/// the page needs no inline script.
/// </summary>
internal static class ApiReferencePage
{
    public static void MapApiReferencePage(this IEndpointRouteBuilder app) =>
        app.MapGet("/api", () => Results.Content(
            $"""
            <!doctype html>
            <html lang="en">
            <head>
                <title>Wane API</title>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
            </head>
            <body>
                <div id="app"></div>
                <script src="/api/scalar.js"></script>
                <script type="module" src="{WebUtility.HtmlEncode(Assets.ApiReferenceUrl)}"></script>
            </body>
            </html>
            """, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
}
