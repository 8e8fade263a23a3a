using Microsoft.AspNetCore.Http.HttpResults;
using Wane.Features.Common;
using Wane.Features.CheckIns;

namespace Wane.Features.Tapering;

/// <summary>
/// Goes on with the active plan despite the hold the latest SOWS caused. The choice is recorded on that check-in by
/// CheckIns (<see cref="RecordHoldOverride"/>: a feature writes only its own tables).
/// </summary>
internal sealed class OverrideHold(PlanQueries plans, RecordHoldOverride record, GetPlan current)
{
    public async Task<Outcome<PlanView>> OverrideHoldAsync(string userId, long id, string? baseUrl, CancellationToken ct)
    {
        if (await plans.LoadActiveAsync(userId, ct, id).ConfigureAwait(false) is not { } loaded)
        {
            return new Outcome<PlanView>.NotFound("Active plan");
        }
        var (readingId, _) = PlanQueries.AutomaticHold(loaded);
        if (readingId is null)
        {
            return Outcome<PlanView>.Fail("hold", "The plan is not waiting because of withdrawal scores.");
        }
        await record.RecordAsync(userId, readingId.Value, ct).ConfigureAwait(false);
        return (await current.CurrentAsync(userId, baseUrl, ct).ConfigureAwait(false))!;
    }

    public static IEndpointRouteBuilder MapOverrideHoldEndpoint(IEndpointRouteBuilder api)
    {
        api.MapPost("/plans/{id:long}/override-hold", Handle).WithName("OverrideHold").WithTags("Taper plans")
            .WithSummary("Go on with the plan although withdrawal scores hold it (recorded)");
        return api;
    }

    private static async Task<Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult>> Handle(long id, HttpContext http, OverrideHold handler, CancellationToken ct) =>
        PlanEndpoints.Answer(await handler.OverrideHoldAsync(http.User.Id(), id, PlanEndpoints.BaseUrl(http.Request), ct).ConfigureAwait(false));
}
