using Microsoft.AspNetCore.Http.HttpResults;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

internal sealed class Replan(PlanQueries queries, CreatePlan create)
{
    /// <summary>A new plan from today at the person's actual recent amount, with the same paces; the old one is kept as replaced.</summary>
    public async Task<Outcome<PlanView>> ReplanAsync(string userId, long id, string? baseUrl, CancellationToken ct)
    {
        var loaded = await queries.LoadActiveAsync(userId, ct, id).ConfigureAwait(false);
        if (loaded is null)
        {
            return new Outcome<PlanView>.NotFound("Active plan");
        }
        var phases = loaded.Body.AllPhases().Select(p => p with { StartAmount = null, StartDate = null }).ToList();
        return await create.CreateAsync(userId, new PlanBody(null, null, null, null, null, null, null, null, null, null, phases), baseUrl, ct, loaded.Row.Id).ConfigureAwait(false);
    }


    public static RouteGroupBuilder MapReplanEndpoint(RouteGroupBuilder plans)
    {
        plans.MapPost("/{id:long}/replan", Handle).WithName("Replan").WithSummary("A new plan from today at your actual recent amount, same pace");
        return plans;
    }

    private static async Task<Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult>> Handle(long id, HttpContext http, Replan handler, CancellationToken ct) =>
        PlanEndpoints.Answer(await handler.ReplanAsync(http.User.Id(), id, PlanEndpoints.BaseUrl(http.Request), ct).ConfigureAwait(false));
}
