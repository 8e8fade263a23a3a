namespace Wane.Features.Guardrails;

/// <summary>The Guardrails area's endpoints, each mapped by its use case.</summary>
internal static class GuardrailEndpoints
{
    public static RouteGroupBuilder MapGuardrailEndpoints(this RouteGroupBuilder api)
    {
        GuardrailQueries.MapGetGuardrailsEndpoint(api);
        UpdateGuardrails.MapUpdateGuardrailsEndpoint(api);
        var breaks = api.MapGroup("/breaks").WithTags("Guardrails");
        BreakQueries.MapListBreaksEndpoint(breaks);
        AddBreak.MapAddBreakEndpoint(breaks);
        RemoveBreak.MapRemoveBreakEndpoint(breaks);
        return api;
    }
}
