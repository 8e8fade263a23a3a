using System.Net;
using System.Text.RegularExpressions;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>Strict headers on every answer, pages without inline script or style, and links that ignore the Host header.</summary>
public partial class HeadersAndHostsTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Theory]
    [InlineData("/signin")]
    [InlineData("/help")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/api")]
    [InlineData("/assets/site.js")]
    [InlineData("/api/v1/status")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/no-such-page")]
    public async Task Answer_AnyPath_CarriesTheSecurityHeaders(string path)
    {
        using var client = await app.NewUserClientAsync();

        using var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'none'");
        Regex.Match(csp, "script-src ([^;]*)").Groups[1].Value.ShouldBe("'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        if (path != "/api")
        {
            Regex.Match(csp, "style-src ([^;]*)").Groups[1].Value.ShouldBe("'self'");
        }
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
        response.Headers.GetValues("Cross-Origin-Opener-Policy").Single().ShouldBe("same-origin");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        // Plain HTTP: no HSTS (it is only meaningful, and only sent, over HTTPS).
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task Pages_SignedIn_HaveNoInlineScriptStyleOrHandlers()
    {
        using var api = await app.NewUserClientAsync("UTC", "inline-check");
        await api.CreateProductAsync(Intents.RedBali);
        await api.PostAsync("/api/v1/plans", new StringContent("""{"substance":"kratom","startAmount":12,"unit":"g","pace":{"kind":"percent","percent":10}}""", System.Text.Encoding.UTF8, "application/json"));
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = "inline-check", ["Password"] = "correct horse battery" });

        foreach (var path in new[] { "/", "/history", "/products", "/plan", "/plan/new", "/plan/print", "/checkins", "/checkins/sows", "/checkins/daily", "/guardrails", "/profile", "/tokens", "/admin", "/sharing", "/shared", "/help", "/api" })
        {
            var (response, html) = await browser.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                continue;
            }
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            InlineScript().IsMatch(html).ShouldBeFalse($"inline <script> on {path}");
            html.ShouldNotContain("<style", Case.Insensitive, path);
            StyleOrHandlerAttribute().Match(html).Value.ShouldBeEmpty(path);
        }
    }

    [Fact]
    public async Task CalendarRevoke_SpoofedHost_LinksUseTheServersOwnAddress()
    {
        using var client = await app.NewUserClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/calendar/revoke");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var url = (await response.JsonAsync()).GetProperty("calendarUrl").GetString()!;
        url.ShouldNotContain("evil.example");
        url.ShouldStartWith(app.BaseAddress.ToString().TrimEnd('/') + "/calendar/");
    }

    [Fact]
    public async Task ForwardedProto_FromAnUnconfiguredProxy_IsIgnored()
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Host = "wane.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        response.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[a-z][^>]*\\s(style|on[a-z]+)\\s*=[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrHandlerAttribute();
}
