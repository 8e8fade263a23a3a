using Microsoft.AspNetCore.Http.HttpResults;
using Wane.Domain;
using Wane.Features.Common;

namespace Wane.Features.Import;

/// <summary>The formats an import reads. ZIP files are not taken (no archive to unpack, so no ZIP bomb).</summary>
internal enum ImportFormat
{
    Wane,
    Csv,
    PsychonautWiki,
}

/// <summary>Reads a file of any supported format into the person's account: the one entry point of API, page and CLI.</summary>
internal sealed class ImportFile(IServiceProvider services)
{
    public const string FormatHelp = "Use wane (Wane's own JSON export), csv (doses, see docs/import-format.md) or psychonautwiki (a PsychonautWiki Journal export).";

    public static Outcome<ImportFormat> ParseFormat(string? format) => (format?.Trim().ToLowerInvariant() ?? "wane") switch
    {
        "wane" or "json" or "" => ImportFormat.Wane,
        "csv" => ImportFormat.Csv,
        "psychonautwiki" or "journal" => ImportFormat.PsychonautWiki,
        _ => Outcome<ImportFormat>.Fail("format", FormatHelp),
    };

    /// <summary>Imports (or, on a dry run, only checks) <paramref name="bytes"/>; a file that cannot be read throws <see cref="ImportFileException"/>.</summary>
    public Task<ImportReport> HandleAsync(string userId, ImportFormat format, byte[] bytes, ImportOptions options, CancellationToken ct) => format switch
    {
        ImportFormat.Wane => services.GetRequiredService<ImportWane>().HandleAsync(userId, bytes, options, ct),
        ImportFormat.Csv => services.GetRequiredService<ImportCsv>().HandleAsync(userId, bytes, options, ct),
        _ => services.GetRequiredService<ImportJournal>().HandleAsync(userId, bytes, options, ct),
    };
}

/// <summary><c>POST /api/v1/import</c>: the file is the request body.</summary>
internal static class ImportEndpoint
{
    public static IEndpointRouteBuilder MapImportEndpoint(this IEndpointRouteBuilder api)
    {
        api.MapPost("/import", Handle).WithName("Import").WithTags("Profile")
            .WithSummary("Import a file into your record: Wane's JSON export, a CSV of doses, or a PsychonautWiki Journal export")
            .WithDescription("The file is the request body (at most 128 MB, an export of some 250,000 doses; ZIP files are not taken). With dryRun=true nothing is stored and the report says what would be added, skipped (already there) and rejected, with each rejected record's path or line. Otherwise all or nothing: a file with a rejected record stores nothing (400 naming each) unless validOnly=true.")
            .Accepts<string>("application/json", "text/csv", "application/octet-stream")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportLimits.MaxBytes + (1024 * 1024)));
        return api;
    }

    private static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> Handle(
        string? format, bool? dryRun, bool? validOnly, HttpRequest request, ImportFile importer, CancellationToken ct)
    {
        if (ImportFile.ParseFormat(format) is not Outcome<ImportFormat>.Ok(var which))
        {
            return ApiResults.Invalid([new FieldError("format", ImportFile.FormatHelp)]);
        }
        if (request.ContentLength > ImportLimits.MaxBytes)
        {
            return TooLarge();
        }
        try
        {
            var bytes = await ImportLimits.ReadAsync(request.Body, request.ContentLength, ct).ConfigureAwait(false);
            var report = await importer.HandleAsync(request.HttpContext.User.Id(), which, bytes, new ImportOptions(dryRun ?? false, validOnly ?? false), ct).ConfigureAwait(false);
            return report.DryRun || report.Stored ? TypedResults.Ok(report) : ApiResults.Invalid(report.AsErrors());
        }
        catch (ImportFileException e) when (e.TooLarge)
        {
            return TooLarge();
        }
        catch (ImportFileException e)
        {
            return ApiResults.Invalid([e.Error]);
        }
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large; nothing was stored.", detail: ImportLimits.TooLargeText);
}
