namespace Wane.Web;

/// <summary>
/// Response headers that keep the browser strict on every page and API answer: a Content-Security-Policy
/// without inline script or style (pages load only /assets/ files), no powerful features, no framing, no
/// referrer, no MIME sniffing, and a window no other origin can reach. HSTS is added by <c>UseHsts</c> on
/// HTTPS (also behind a TLS proxy when <c>ForwardedHeaders</c> trusts it).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The policy for every page and answer.</summary>
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// The API reference page (Scalar) injects its stylesheet as &lt;style&gt; elements at run time, so that one
    /// page allows inline style; its script still comes only from files. Inline style cannot run code.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-create=(self), publickey-credentials-get=(self), serial=(), usb=(), xr-spatial-tracking=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((ctx, next) =>
        {
            // Set when the response starts, so answers written by the exception handler (which clears headers) keep them.
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                h.ContentSecurityPolicy = IsApiReference(ctx.Request.Path) ? ApiReferencePolicy : Policy;
                h["Permissions-Policy"] = PermissionsPolicy;
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Cross-Origin-Resource-Policy"] = "same-origin";
                h.XContentTypeOptions = "nosniff";
                h["Referrer-Policy"] = "no-referrer";
                h.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(ctx);
        });

    private static bool IsApiReference(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase);
}
