using Microsoft.AspNetCore.Http.HttpResults;
using Wane.Features.Common;

namespace Wane.Features.Reports;

/// <summary><c>GET /api/v1/reports/summary?from&amp;to</c>: the report as a PDF (the default) or, asked for by <c>Accept</c>, HTML.</summary>
internal static class ReportEndpoint
{
    public static RouteGroupBuilder MapReportEndpoint(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/summary", Handle).WithName("GetReportSummary").WithTags("Trends")
            .WithSummary("The report for an appointment over a period (default the last 30 days, at most 366): application/pdf by default, text/html when Accept asks for it")
            .Produces<string>(StatusCodes.Status200OK, "application/pdf", "text/html");
        return api;
    }

    /// <summary>The report page's PDF link (<c>/report.pdf</c>), with the browser's sign-in cookie (signed out: sign in and come back).</summary>
    public static IEndpointRouteBuilder MapReportDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet("/report.pdf", async (string? from, string? to, HttpContext http, GetReport report, CancellationToken ct) =>
                http.User.Identity?.IsAuthenticated == true
                    ? (IResult)await Handle(from, to, http, report, ct).ConfigureAwait(false)
                    : Results.Redirect("/signin?ReturnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ContentHttpResult, ValidationProblem>> Handle(
        string? from, string? to, HttpContext http, GetReport report, CancellationToken ct)
    {
        var outcome = await report.HandleAsync(http.User.Id(), from, to, ct).ConfigureAwait(false);
        if (outcome is Outcome<ReportView>.Invalid invalid)
        {
            return ApiResults.Invalid(invalid.Errors);
        }
        var view = ((Outcome<ReportView>.Ok)outcome).Value;
        http.Response.Headers.CacheControl = "no-store";
        if (WantsHtml(http.Request))
        {
            return TypedResults.Content(ReportHtml.Document(view), "text/html; charset=utf-8");
        }
        return TypedResults.File(ReportPdf.Render(view), "application/pdf", $"wane-report-{view.From}-{view.To}.pdf");
    }

    /// <summary>HTML only when Accept ranks text/html above application/pdf (or names no PDF at all).</summary>
    private static bool WantsHtml(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string type) => accept.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var html = Quality("text/html");
        return html > 0 && html > Quality("application/pdf");
    }
}
