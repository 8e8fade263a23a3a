using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Wane.Web;

/// <summary>
/// Turns a request body that cannot be read (malformed JSON, a string where a number belongs) into a
/// 400 problem naming the field. Anything else is a bug: a 500 problem, logged.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        var message = json is null
            ? "The request body is missing or is not JSON (send Content-Type: application/json)."
            : json.Path is { Length: > 2 }
                ? $"This value has the wrong type or format (at {json.Path})."
                : "The request body is not valid JSON.";
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request could not be read; nothing was stored.",
                Detail = $"{field}: {message}",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
            },
            Exception = exception,
        }).ConfigureAwait(false);
    }
}
