using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Reports;

/// <summary>The report for the appointment: a PDF whose text carries the period's figures, the same as HTML, and bad ranges refused.</summary>
public partial class ReportTests(WaneApp app) : IClassFixture<WaneApp>
{
    public const string Period = "?from=2026-11-01&to=2026-11-25";

    /// <summary>A kratom dose after a beer (S1), a plan held with a reason, a SOWS, a daily check-in with a red flag.</summary>
    internal static async Task FillAsync(HttpClient client)
    {
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        var beer = await client.CreateProductAsync(new { name = "Beer", kind = "other", form = "liquid", otherClass = "alcohol" });
        await client.LogDoseOkAsync(new { productId = kratom, amount = 2.5, unit = "g", takenAt = "2026-11-24T13:30:00Z" });
        await client.LogDoseOkAsync(new { productId = beer, amount = 500, unit = "ml", takenAt = "2026-11-25T06:00:00Z" });
        await client.LogDoseOkAsync(new { productId = kratom, amount = 2, unit = "g", takenAt = "2026-11-25T07:00:00Z" });
        var plan = await (await client.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 6, pace = new { kind = "percent", percent = 10 } })).JsonAsync();
        var id = plan.GetProperty("id").GetInt64();
        (await client.PostAsJsonAsync($"/api/v1/plans/{id}/hold", new { reason = "moving house" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = new[] { 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 3, sleep = 4, mood = 2, craving = 7, redFlags = new[] { "liver" } } })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>The text of a PDF, read back by poppler's pdftotext (Debian poppler-utils).</summary>
    internal static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wane-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", path, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What every report of <see cref="FillAsync"/>'s period must say.</summary>
    internal static void ShouldCarryThePeriod(string text)
    {
        text.ShouldContain("2026-11-24");
        text.ShouldContain("2.5 g kratom");
        text.ShouldContain("6/64");
        text.ShouldContain("mild", Case.Insensitive);
        text.ShouldContain("NIDA CTN");
        text.ShouldContain("liver");
        text.ShouldContain("moving house");
        text.ShouldContain("S1");
        text.ShouldContain("not validated for kratom");
    }

    [Fact]
    public async Task Summary_Pdf_CarriesThePeriodsFigures()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        await FillAsync(client);

        var response = await client.GetAsync("/api/v1/reports/summary" + Period, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var text = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        ShouldCarryThePeriod(text);
        text.ShouldContain("2026-11-01 to 2026-11-25");
    }

    [Fact]
    public async Task Summary_AcceptHtml_AnswersTheSameFiguresAsHtml()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        await FillAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/summary" + Period);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        ShouldCarryThePeriod(html);
    }

    [Theory]
    [InlineData("?from=2026-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2026-11-25&to=2026-11-01", "to")]
    [InlineData("?from=2024-01-01&to=2026-11-25", "from")]
    public async Task Summary_BadRange_IsAProblemNamingTheField(string query, string field)
    {
        var client = await app.NewUserClientAsync();

        await (await client.GetAsync("/api/v1/reports/summary" + query, TestContext.Current.CancellationToken)).ShouldBeProblemNamingAsync(field);
    }
}
