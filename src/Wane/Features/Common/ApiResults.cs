using Microsoft.AspNetCore.Http.HttpResults;
using Wane.Domain;

namespace Wane.Features.Common;

/// <summary>Problem details for the API (RFC 9457).</summary>
internal static class ApiResults
{
    public static ValidationProblem Invalid(IReadOnlyList<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")),
            title: "Some fields need fixing; nothing was stored.");

    public static ProblemHttpResult Gone(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found.");
}
