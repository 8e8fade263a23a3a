using System.Net;

namespace Wane.Web;

/// <summary>
/// The API reference page at <c>/api</c>. Scalar's own page starts with an inline module script; this one loads
/// Scalar's files (still served by <c>MapScalarApiReference</c> under /api/) and starts it from /assets/, so
/// the page needs no inline script. It has a language, a way back, and says what it is when JavaScript is off.
/// </summary>
internal static class ApiReferencePage
{
    public static void MapApiReferencePage(this IEndpointRouteBuilder app)
    {
        // Scalar also answers /api/{documentName} with its own page, whose inline script the CSP stops
        // (a blank page): the one document has this one page.
        app.MapGet("/api/v1", () => Results.Redirect("/api")).AllowAnonymous().ExcludeFromDescription();
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
                <section aria-labelledby="api-title">
                    <nav aria-label="Wane"><p><a href="/">← Back to Wane</a> · <a href="/help">Get help</a></p></nav>
                    <h1 id="api-title">Wane API reference</h1>
                    <noscript><p>This is Wane's API reference: an interactive description of the JSON API that scripts
                    use with a personal access token. It needs JavaScript. Without it, read the description itself at
                    <a href="/openapi/v1.json">/openapi/v1.json</a>, or go <a href="/">back to Wane</a>.</p></noscript>
                </section>
                <div id="app"></div>
                <script src="/api/scalar.js"></script>
                <script type="module" src="{WebUtility.HtmlEncode(Assets.ApiReferenceUrl)}"></script>
            </body>
            </html>
            """, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
    }
}
