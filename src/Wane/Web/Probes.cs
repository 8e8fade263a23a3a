using Microsoft.AspNetCore.Http.HttpResults;
using Wane.Data;

namespace Wane.Web;

/// <summary>
/// What a load balancer or supervisor asks: <c>/healthz</c>, is the process alive (it never touches the
/// database, so a database outage does not get every node restarted); <c>/readyz</c>, can it serve, i.e.
/// the database answers and has every migration this build knows. Both public, neither shows any data.
/// </summary>
internal static partial class Probes
{
    // Longer than a healthy round trip by far, shorter than a balancer's usual probe timeout.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    public static void MapProbes(this IEndpointRouteBuilder app)
    {
        // /healthz is answered before routing, by the start-up gate's middleware (StartupGate.cs).
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
    }

    internal static async Task<Results<Ok<ReadyBody>, ProblemHttpResult>> ReadyAsync(WaneDb db, StartupGate gate, ILoggerFactory logs, CancellationToken ct)
    {
        if (!gate.IsOpen)
        {
            // wane serve is still preparing (schema, upkeep, key ring): not ready, as with an older schema.
            return NotReadyProblem("The server is still starting: its database is being checked or migrated.");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReadyTimeout);
        try
        {
            var pending = await Hosting.CoreServices.PendingMigrationsAsync(db, timeout.Token).ConfigureAwait(false);
            if (pending.Count == 0)
            {
                return TypedResults.Ok(new ReadyBody("ready"));
            }
            NotReady(logs.CreateLogger(typeof(Probes)), "the database lacks migrations; run wane migrate", null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure to reach the database means "not ready", never a 500.
        catch (Exception e)
#pragma warning restore CA1031
        {
            NotReady(logs.CreateLogger(typeof(Probes)), "the database cannot be reached", e);
        }
        return NotReadyProblem("The database cannot be reached or its schema is not current.");
    }

    private static ProblemHttpResult NotReadyProblem(string detail) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Not ready",
            detail: detail);

    internal sealed record ReadyBody(string Status);

    [LoggerMessage(LogLevel.Warning, "Not ready: {Why}")]
    private static partial void NotReady(ILogger logger, string why, Exception? exception);
}
