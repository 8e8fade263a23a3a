using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

internal sealed class ResumePlan(WaneDb db, PlanQueries queries, GetPlan current, IClock clock)
{
    /// <summary>Ends the open hold: today the plan runs again (yesterday was the last held day).</summary>
    public async Task<Outcome<PlanView>> ResumeAsync(string userId, long id, string? baseUrl, CancellationToken ct)
    {
        var loaded = await queries.LoadActiveAsync(userId, ct, id).ConfigureAwait(false);
        if (loaded is null)
        {
            return new Outcome<PlanView>.NotFound("Active plan");
        }
        var open = await db.PlanHolds.SingleOrDefaultAsync(h => h.PlanId == loaded.Row.Id && h.UserId == userId && h.To == null, ct).ConfigureAwait(false);
        if (open is null)
        {
            return Outcome<PlanView>.Fail("hold", "The plan is not on hold.");
        }
        var today = loaded.Days.DayOf(clock.GetCurrentInstant());
        if (open.From >= today)
        {
            db.PlanHolds.Remove(open);
        }
        else
        {
            open.To = today.PlusDays(-1);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (await current.CurrentAsync(userId, baseUrl, ct).ConfigureAwait(false))!;
    }


    public static RouteGroupBuilder MapResumePlanEndpoint(RouteGroupBuilder plans)
    {
        plans.MapPost("/{id:long}/resume", Handle).WithName("ResumePlan").WithSummary("End a hold: the plan goes on from today");
        return plans;
    }

    private static async Task<Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult>> Handle(long id, HttpContext http, ResumePlan handler, CancellationToken ct) =>
        PlanEndpoints.Answer(await handler.ResumeAsync(http.User.Id(), id, PlanEndpoints.BaseUrl(http.Request), ct).ConfigureAwait(false));
}
