using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Wane.Web;

/// <summary>
/// Turns a request body that cannot be read (malformed JSON, a string where a number belongs) into a
/// 400 problem naming the field. Anything else is a bug: a 500 problem, logged.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            httpContext.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "Send the body as JSON (Content-Type: application/json); nothing was stored.",
                },
                Exception = exception,
            }).ConfigureAwait(false);
        }
        var json = bad.InnerException as JsonException;
        if (json is null && BindFailure().Match(bad.Message) is { Success: true } parameter)
        {
            // A query or route value of the wrong type ("?purge=banana"): name the parameter as a body field is named.
            var name = parameter.Groups["name"].Value;
            var said = parameter.Groups["type"].Value is "bool" or "bool?" ? "Use true or false." : "This value has the wrong type or format.";
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request could not be read; nothing was stored.",
                    Detail = $"{name}: {said}",
                    Extensions = { ["errors"] = new Dictionary<string, string[]> { [name] = [said] } },
                },
                Exception = exception,
            }).ConfigureAwait(false);
        }
        // The reader's own errors (a syntax error anywhere in the body) arrive wrapped in a second
        // JsonException; a value of the wrong type arrives without one, with the path to the field.
        var syntax = json?.InnerException is JsonException;
        var field = !syntax && json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        var message = json is null
            ? "The request body is missing or is not JSON (send Content-Type: application/json)."
            : syntax
                ? string.Create(CultureInfo.InvariantCulture, $"The request body could not be parsed as JSON (line {(json.LineNumber ?? 0) + 1}, byte {(json.BytePositionInLine ?? 0) + 1}).")
                : field != "body"
                    ? $"This value has the wrong type or format (at {json.Path})."
                    : "The request body is not the JSON object this endpoint takes.";
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = syntax ? "The request body could not be parsed; nothing was stored." : "The request could not be read; nothing was stored.",
                Detail = $"{field}: {message}",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
            },
            Exception = exception,
        }).ConfigureAwait(false);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"(?<type>[^\" ]+) (?<name>\\w+)\" from ")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();
}
