using System.Net;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>What every page stands on: compression, the icon, the error page, the API reference's shell.</summary>
public class SiteShellTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Theory]
    [InlineData("br", "/signin")]
    [InlineData("gzip", "/signin")]
    [InlineData("br", "/assets/site.css")]
    [InlineData("gzip", "/assets/site.js")]
    public async Task Responses_AcceptingCompression_AreCompressed(string encoding, string path)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe([encoding]);
    }

    [Fact]
    public async Task Favicon_IsAnSvgAsset_AndTheIcoAddressPointsToIt()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var ico = await client.GetAsync("/favicon.ico");
        ico.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        var svg = await client.GetAsync(ico.Headers.Location);
        svg.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await svg.Content.ReadAsStringAsync()).ShouldStartWith("<svg");
    }

    [Fact]
    public async Task MissingPage_Is404_InsideTheLayout_WithGetHelp()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await client.GetAsync("/no-such-page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<h1>Page not found</h1>");
        html.ShouldContain("href=\"/help\"");
        html.ShouldContain("href=\"tel:988\"");
    }

    [Fact]
    public async Task ApiMissing_StaysAProblem()
    {
        using var client = await app.NewUserClientAsync();
        var response = await client.GetAsync("/api/v1/no-such-thing");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task FormPostWithoutAntiforgeryToken_Is400_OnTheErrorPage()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent([new("Name", "someone"), new("Password", "x")]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("That request could not be read");
    }

    [Fact]
    public async Task ApiReference_HasLanguage_AWayBack_AndSaysWhatItIsWithoutJavaScript()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var html = await client.GetStringAsync("/api");

        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("<a href=\"/\">← Back to Wane</a>");
        html.ShouldContain("<noscript><p>This is Wane's API reference");
    }

    [Theory]
    [InlineData("/api/v1")]
    [InlineData("/api/v1/")]
    public async Task DocumentPagesOfTheReference_LeadToTheOnePage(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/api");
    }
}
