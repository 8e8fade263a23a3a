using System.Net;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>An app configured as behind a TLS proxy on loopback, with a public URL.</summary>
public sealed class BehindProxyApp() : WaneApp(["--PublicUrl", "https://wane.example.org", "--AllowedHosts", "127.0.0.1", "--ForwardedHeaders:KnownProxies", "127.0.0.1"]);

/// <summary>Behind a TLS-terminating proxy: https from the proxy counts, links use PublicUrl, other hosts are refused.</summary>
public class BehindProxyTests(BehindProxyApp app) : IClassFixture<BehindProxyApp>
{
    [Fact]
    public async Task ForwardedProto_FromTheKnownProxy_MakesCookiesSecureAndSendsHsts()
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Host = "wane.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        response.Headers.GetValues("Set-Cookie").ShouldNotBeEmpty();
        response.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task PlainRequest_WithoutForwardedProto_IsNotTakenAsHttps()
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Host = "wane.example.org";

        using var response = await client.SendAsync(request);

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        response.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CalendarRevoke_LinksUseThePublicUrl()
    {
        using var client = await app.NewUserClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/calendar/revoke");
        request.Headers.Host = "wane.example.org";

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("calendarUrl").GetString()!.ShouldStartWith("https://wane.example.org/calendar/");
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("wane.example.org.evil.example")]
    public async Task UnknownHost_IsRefused(string host)
    {
        using var client = await app.NewUserClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/calendar/revoke");
        request.Headers.Host = host;

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("/calendar/");
    }
}
