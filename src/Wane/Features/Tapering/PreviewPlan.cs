using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Wane.Domain.Tapering;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

/// <summary>Plans a taper without saving it: the same defaults and checks as <see cref="CreatePlan"/>.</summary>
internal sealed class PreviewPlan(PlanQueries queries, Profile profile, IClock clock)
{
    public async Task<Outcome<PlanView>> PreviewAsync(string userId, PlanBody body, CancellationToken ct)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var today = days.DayOf(clock.GetCurrentInstant());
        var (request, errors) = await queries.ResolveAsync(userId, days, today, body, ct).ConfigureAwait(false);
        if (request is null)
        {
            return Outcome<PlanView>.Fail(errors);
        }
        var (plan, planErrors) = TaperPlanner.Plan(request);
        return plan is null ? Outcome<PlanView>.Fail(planErrors) : PlanQueries.View(null, "preview", request, plan, [], [], [], null);
    }

    public static RouteGroupBuilder MapPreviewPlanEndpoint(RouteGroupBuilder plans)
    {
        plans.MapPost("/preview", Handle).WithName("PreviewPlan").WithSummary("Plan a taper without saving it");
        return plans;
    }

    private static async Task<Results<Ok<PlanView>, ValidationProblem>> Handle(PlanBody body, HttpContext http, PreviewPlan handler, CancellationToken ct) =>
        await handler.PreviewAsync(http.User.Id(), body, ct).ConfigureAwait(false) switch
        {
            Outcome<PlanView>.Ok ok => TypedResults.Ok(ok.Value),
            Outcome<PlanView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };
}
