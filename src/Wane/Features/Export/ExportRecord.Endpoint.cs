using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Wane.Domain;
using Wane.Features.Common;

namespace Wane.Features.Export;

/// <summary>What an export request asks for, once its query text is read.</summary>
internal sealed record ExportRequest(bool Json, ExportTable? Table)
{
    /// <summary>Reads <c>format</c> (json, the default, or csv) and <c>table</c> (doses or checkins, CSV only).</summary>
    public static Outcome<ExportRequest> Parse(string? format, string? table)
    {
        var errors = new List<FieldError>();
        var json = (format?.Trim().ToLowerInvariant() ?? "json") switch
        {
            "json" or "" => true,
            "csv" => false,
            _ => (bool?)null,
        };
        if (json is null)
        {
            errors.Add(new("format", "Use json (everything, Wane's own format) or csv (doses and check-ins for a spreadsheet)."));
        }
        ExportTable? which = null;
        if (!string.IsNullOrWhiteSpace(table))
        {
            which = table.Trim().ToLowerInvariant() switch
            {
                "doses" => ExportTable.Doses,
                "checkins" or "check-ins" => ExportTable.CheckIns,
                _ => null,
            };
            if (which is null)
            {
                errors.Add(new("table", "Use doses or checkins (or leave it out for a ZIP of both)."));
            }
            if (json == true)
            {
                errors.Add(new("table", "A table can be chosen only with format=csv; the JSON export holds everything."));
            }
        }
        return errors.Count > 0 ? Outcome<ExportRequest>.Fail(errors) : new ExportRequest(json!.Value, which);
    }

    public string FileName(string date) => Json ? $"wane-export-{date}.json"
        : Table is { } t ? $"wane-{date}-{ExportCsv.FileName(t)}" : $"wane-export-{date}-csv.zip";

    public string ContentType => Json ? "application/json" : Table is null ? "application/zip" : "text/csv";
}

/// <summary>The export as a download: the API (<c>GET /api/v1/export</c>) and the profile page's links (<c>GET /export</c>).</summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/export", Download).WithName("Export").WithTags("Profile")
            .WithSummary("Everything of yours as Wane's versioned JSON, or doses and check-ins as CSV (?format=csv, a ZIP of both or &table=doses|checkins)")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/json", "text/csv", "application/zip");
        return api;
    }

    public static IEndpointRouteBuilder MapExportDownload(this IEndpointRouteBuilder app)
    {
        // The profile page's links, with the browser's sign-in cookie. Signed out, a person is sent to
        // sign in and back, as on every page (an endpoint would otherwise answer a bare 401).
        app.MapGet("/export", (string? format, string? table, HttpContext http, NodaTime.IClock clock) =>
                http.User.Identity?.IsAuthenticated == true
                    ? (IResult)Download(format, table, http, clock)
                    : Results.Redirect("/signin?ReturnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static Results<PushStreamHttpResult, ValidationProblem> Download(string? format, string? table, HttpContext http, NodaTime.IClock clock)
    {
        var parsed = ExportRequest.Parse(format, table);
        if (parsed is Outcome<ExportRequest>.Invalid invalid)
        {
            return ApiResults.Invalid(invalid.Errors);
        }
        var request = ((Outcome<ExportRequest>.Ok)parsed).Value;
        var userId = http.User.Id();
        var date = Domain.Time.TimeText.Format(clock.GetCurrentInstant().InUtc().Date);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(async body =>
        {
            var services = http.RequestServices;
            var ct = http.RequestAborted;
            if (request.Json)
            {
                await services.GetRequiredService<ExportRecord>().WriteJsonAsync(userId, body, onRow: null, ct).ConfigureAwait(false);
            }
            else if (request.Table is { } t)
            {
                await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(false), leaveOpen: true);
                await services.GetRequiredService<ExportCsv>().WriteAsync(userId, t, writer, onRow: null, ct).ConfigureAwait(false);
            }
            else
            {
                await services.GetRequiredService<ExportCsv>().WriteZipAsync(userId, body, onRow: null, ct).ConfigureAwait(false);
            }
        }, request.ContentType, request.FileName(date));
    }
}
