using System.Net;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>The printable report page and its PDF link, signed in with the browser's cookie, over real HTTP.</summary>
public class ReportPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task ReportPage_ShowsThePeriodsFigures_AndLinksItsPdf()
    {
        var name = "report-" + Guid.NewGuid().ToString("N")[..6];
        using var api = await app.NewUserClientAsync("America/New_York", name);
        await Reports.ReportTests.FillAsync(api);
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });

        var (response, html) = await browser.GetAsync("/report" + Reports.ReportTests.Period);
        var (_, plan) = await browser.GetAsync("/plan");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Reports.ReportTests.ShouldCarryThePeriod(WebUtility.HtmlDecode(html));
        html.ShouldContain("<svg");
        html.ShouldContain("href=\"/report.pdf?from=2026-11-01&amp;to=2026-11-25\"");
        plan.ShouldContain("href=\"/report\"");
        var (pdf, _) = await browser.GetAsync("/report.pdf" + Reports.ReportTests.Period);
        (pdf.StatusCode, pdf.Content.Headers.ContentType?.MediaType).ShouldBe((HttpStatusCode.OK, "application/pdf"));
    }

    [Fact]
    public async Task ReportPage_BadDate_Is400NamingTheField()
    {
        var name = "report-" + Guid.NewGuid().ToString("N")[..6];
        using var api = await app.NewUserClientAsync("UTC", name);
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });

        var (response, html) = await browser.GetAsync("/report?from=2026-02-30");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"error-from\"");
    }
}
