namespace Wane.Web;

/// <summary>
/// How <c>wane serve</c> starts (ADR 0023): Kestrel listens first, so <c>/healthz</c> answers while the node is
/// prepared; every other request waits at the <see cref="StartupGate"/> until preparing is done.
/// </summary>
internal static class ServeStart
{
    private const string KeyRingPrimer = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    public static void AddStartupGate(IServiceCollection services)
    {
        services.AddSingleton<StartupGate>();
        // The framework's hosted service reads the key ring as the host starts, which would now be before the upkeep
        // drops unencrypted keys (and costs start-up time). The ring is read when first needed instead, behind the gate.
        var primer = services.SingleOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == KeyRingPrimer)
            ?? throw new InvalidOperationException($"{KeyRingPrimer} is not registered: check what reads the key ring on start.");
        services.Remove(primer);
    }

    /// <summary>Starts the server with the gate held, prepares, then opens it; a failure stops the server and is thrown.</summary>
    public static async Task StartThenPrepareAsync(WebApplication app, Func<Task> prepare)
    {
        var gate = app.Services.GetRequiredService<StartupGate>();
        gate.Hold();
        await app.StartAsync().ConfigureAwait(false);
        try
        {
            await prepare().ConfigureAwait(false);
        }
        catch
        {
            gate.Fail();
            await app.StopAsync().ConfigureAwait(false);
            throw;
        }
        gate.Open();
    }
}
