using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Wane.Domain;
using Wane.Domain.Time;
using Wane.Features.Common;
using Wane.Features.Trends;

namespace Wane.Features.Fhir;

/// <summary>
/// A period of the person's record as a FHIR R4 Bundle, for a clinician's system: <c>GET /api/v1/export/fhir</c>
/// and <c>wane export --format fhir</c>. The range is that of the trends (default the last 365 days, at most
/// three years); the daily totals are the trends' own.
/// </summary>
internal sealed class ExportFhir(GetTrends trends, Accounts.Profile profile, IClock clock)
{
    public const int DefaultDays = 365;

    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions { WriteIndented = true }.ForFhir(ModelInfo.ModelInspector);

    public async Task<Outcome<Bundle>> HandleAsync(string userId, string? from, string? to, string? patientName, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(patientName) ? null : patientName.Trim();
        if (name is { Length: > 200 })
        {
            return Outcome<Bundle>.Fail("patientName", "Keep the name to 200 characters or fewer.");
        }
        if (FreeText.HasControl(name))
        {
            return Outcome<Bundle>.Fail("patientName", FreeText.ControlMessage);
        }
        // One read of the period: the days, and the doses, check-ins and schedule they were computed from.
        var range = await trends.ReadRangeAsync(userId, from, to, DefaultDays, ct).ConfigureAwait(false);
        if (range is Outcome<TrendsRead>.Invalid invalid)
        {
            return Outcome<Bundle>.Fail(invalid.Errors);
        }
        var read = ((Outcome<TrendsRead>.Ok)range).Value;
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var input = new FhirInput(name, days, clock.GetCurrentInstant(), read.DoseList, read.CheckIns, read.View, read.Schedule);
        return FhirBundle.Build(input);
    }
}

/// <summary>The FHIR export as a download (<c>GET /api/v1/export/fhir</c>).</summary>
internal static class FhirExportEndpoint
{
    public static IEndpointRouteBuilder MapFhirExportEndpoint(this IEndpointRouteBuilder api)
    {
        api.MapGet("/export/fhir", Download).WithName("ExportFhir").WithTags("Profile")
            .WithSummary("A period of your record as a FHIR R4 Bundle (collection): doses, check-ins, daily totals and the active plan (?from&to, default the last 365 days)")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/fhir+json");
        return api;
    }

    /// <summary>The profile page's link, with the browser's sign-in cookie (signed out: sign in and come back).</summary>
    public static IEndpointRouteBuilder MapFhirExportDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/fhir", async (string? from, string? to, string? patientName, HttpContext http, ExportFhir export, IClock clock, CancellationToken ct) =>
                http.User.Identity?.IsAuthenticated == true
                    ? (IResult)await Download(from, to, patientName, http, export, clock, ct).ConfigureAwait(false)
                    : Results.Redirect("/signin?ReturnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> Download(
        string? from, string? to, string? patientName, HttpContext http, ExportFhir export, IClock clock, CancellationToken ct)
    {
        var outcome = await export.HandleAsync(http.User.Id(), from, to, patientName, ct).ConfigureAwait(false);
        if (outcome is Outcome<Bundle>.Invalid invalid)
        {
            return ApiResults.Invalid(invalid.Errors);
        }
        var bundle = ((Outcome<Bundle>.Ok)outcome).Value;
        http.Response.Headers.CacheControl = "no-store";
        var date = TimeText.Format(clock.GetCurrentInstant().InUtc().Date);
        return TypedResults.Stream(body => JsonSerializer.SerializeAsync(body, bundle, ExportFhir.Json, http.RequestAborted),
            "application/fhir+json", $"wane-fhir-{date}.json");
    }
}
