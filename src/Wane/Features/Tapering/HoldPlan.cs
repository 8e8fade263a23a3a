using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Time;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

/// <summary>Pauses the active plan from a day (default today), with an optional reason; later steps shift (ADR 0007).</summary>
internal sealed class HoldPlan(WaneDb db, PlanQueries queries, GetPlan current, IClock clock)
{
    public async Task<Outcome<PlanView>> HoldAsync(string userId, long id, HoldBody body, string? baseUrl, CancellationToken ct)
    {
        var loaded = await queries.LoadActiveAsync(userId, ct, id).ConfigureAwait(false);
        if (loaded is null)
        {
            return new Outcome<PlanView>.NotFound("Active plan");
        }
        var days = loaded.Days;
        var today = days.DayOf(clock.GetCurrentInstant());
        var from = today;
        if (!string.IsNullOrWhiteSpace(body.From))
        {
            if (TimeText.ParseDate(body.From) is not { } d)
            {
                return Outcome<PlanView>.Fail("from", $"Use a date like 2026-12-01 (YYYY-MM-DD), {TimeText.RangeText}.");
            }
            if (d < today.PlusYears(-1) || d > today.PlusYears(2))
            {
                return Outcome<PlanView>.Fail("from", "Hold from a day no more than a year ago and no more than two years ahead.");
            }
            from = d;
        }
        var reason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim();
        if (reason?.Length > 200)
        {
            return Outcome<PlanView>.Fail("reason", "Keep the reason to 200 characters or fewer.");
        }
        if (FreeText.HasControl(reason))
        {
            return Outcome<PlanView>.Fail("reason", FreeText.ControlMessage);
        }
        if (loaded.Holds.Any(h => h.To is null))
        {
            return Outcome<PlanView>.Fail("from", "The plan is already on hold; resume it first.");
        }
        var (_, plan, _) = PlanQueries.Schedule(loaded, days, today);
        if (from < plan.Start || from >= plan.End)
        {
            return Outcome<PlanView>.Fail("from", $"Hold from a day within the plan ({TimeText.Format(plan.Start)} to {TimeText.Format(plan.End.PlusDays(-1))}).");
        }
        if (from < today.PlusDays(-30) || loaded.Holds.Any(h => h.To is { } to && from <= to))
        {
            return Outcome<PlanView>.Fail("from", "A hold starts after earlier holds and no more than 30 days back.");
        }
        db.PlanHolds.Add(new PlanHold { UserId = userId, PlanId = loaded.Row.Id, From = from, Reason = reason, CreatedAt = clock.GetCurrentInstant() });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (await current.CurrentAsync(userId, baseUrl, ct).ConfigureAwait(false))!;
    }


    public static RouteGroupBuilder MapHoldPlanEndpoint(RouteGroupBuilder plans)
    {
        plans.MapPost("/{id:long}/hold", Handle).WithName("HoldPlan").WithSummary("Pause the plan from a day (default today); later steps shift");
        return plans;
    }

    private static async Task<Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult>> Handle(long id, HoldBody? body, HttpContext http, HoldPlan handler, CancellationToken ct) =>
        PlanEndpoints.Answer(await handler.HoldAsync(http.User.Id(), id, body ?? new HoldBody(null, null), PlanEndpoints.BaseUrl(http.Request), ct).ConfigureAwait(false));
}
