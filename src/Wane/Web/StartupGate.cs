namespace Wane.Web;

/// <summary>
/// <c>wane serve</c> listens first and prepares the node after (ADR 0023): the schema (the migrator only when it is
/// behind), the one-time upkeep and the key-ring check. Until that is done every request but <c>/healthz</c> and
/// <c>/readyz</c> waits here, so none reads the database or the data-protection keys early; <c>/readyz</c> answers
/// 503. Open from the start for a host that prepares before it starts (the tests' <c>WaneApp</c>).
/// </summary>
internal sealed class StartupGate
{
    private volatile TaskCompletionSource _prepared = Opened();

    public bool IsOpen => _prepared.Task.IsCompletedSuccessfully;

    /// <summary>Holds requests until <see cref="Open"/> (or <see cref="Fail"/>); called before the server starts.</summary>
    public void Hold() => _prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _prepared.TrySetResult();

    /// <summary>Preparing failed and the server stops: the requests held get 503.</summary>
    public void Fail() => _prepared.TrySetCanceled();

    public Task WaitAsync(CancellationToken ct) => _prepared.Task.WaitAsync(ct);

    private static TaskCompletionSource Opened()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}

internal static class StartupGateMiddleware
{
    private static readonly byte[] Alive = """{"status":"ok"}"""u8.ToArray();

    /// <summary>
    /// Answers <c>GET /healthz</c> here, before routing: the process is alive, whatever the database does, and the
    /// first probe does not wait for the route table of every page and endpoint to be built. Then the gate.
    /// </summary>
    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<StartupGate>();
        return app.Use(async (ctx, next) =>
        {
            if (HttpMethods.IsGet(ctx.Request.Method) && ctx.Request.Path.Equals("/healthz", StringComparison.OrdinalIgnoreCase))
            {
                ctx.Response.ContentType = "application/json; charset=utf-8";
                await ctx.Response.Body.WriteAsync(Alive, ctx.RequestAborted).ConfigureAwait(false);
                return;
            }
            if (!gate.IsOpen && !ctx.Request.Path.Equals("/readyz", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    await gate.WaitAsync(ctx.RequestAborted).ConfigureAwait(false);
                }
                catch (TaskCanceledException) when (!ctx.RequestAborted.IsCancellationRequested)
                {
                    ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }
            }
            await next(ctx).ConfigureAwait(false);
        });
    }
}
