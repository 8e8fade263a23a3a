using Microsoft.AspNetCore.Http.HttpResults;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

/// <summary>The <c>/plans</c> group: each use case maps its own endpoint (the override of a hold is CheckIns' <c>OverrideHold</c>).</summary>
internal static class PlanEndpoints
{
    /// <summary>The base of links Wane builds: the configured public URL, never the request's Host header.</summary>
    public static string BaseUrl(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<Web.PublicUrl>().Value;

    public static RouteGroupBuilder MapPlanEndpoints(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Taper plans");
        PreviewPlan.MapPreviewPlanEndpoint(plans);
        CreatePlan.MapCreatePlanEndpoint(plans);
        GetPlan.MapGetPlanEndpoint(plans);
        HoldPlan.MapHoldPlanEndpoint(plans);
        ResumePlan.MapResumePlanEndpoint(plans);
        Replan.MapReplanEndpoint(plans);
        OverrideHold.MapOverrideHoldEndpoint(api);
        RevokeCalendarFeed.MapRevokeCalendarFeedEndpoint(api);
        return api;
    }

    /// <summary>The answer to a change of the active plan: the plan as it is now, the fields in error, or 404.</summary>
    public static Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult> Answer(Outcome<PlanView> outcome) => outcome switch
    {
        Outcome<PlanView>.Ok ok => TypedResults.Ok(ok.Value),
        Outcome<PlanView>.Invalid bad => ApiResults.Invalid(bad.Errors),
        Outcome<PlanView>.NotFound nf => ApiResults.NotFound(nf.What),
        _ => throw new InvalidOperationException(),
    };
}
