using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Tapering;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

/// <summary>Saves a plan (its request with every default filled in) and makes it the active one; an active plan is kept as replaced.</summary>
internal sealed class CreatePlan(WaneDb db, PlanQueries queries, GetPlan current, Profile profile, IClock clock)
{
    public async Task<Outcome<PlanView>> CreateAsync(string userId, PlanBody body, string? baseUrl, CancellationToken ct, long? replaces = null)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var today = days.DayOf(clock.GetCurrentInstant());
        var (request, errors) = await queries.ResolveAsync(userId, days, today, body, ct).ConfigureAwait(false);
        if (request is null)
        {
            return Outcome<PlanView>.Fail(errors);
        }
        var (plan, planErrors) = TaperPlanner.Plan(request);
        if (plan is null)
        {
            return Outcome<PlanView>.Fail(planErrors);
        }
        var now = clock.GetCurrentInstant();
        foreach (var active in await db.Plans.Where(p => p.UserId == userId && p.Status == PlanStatus.Active).ToListAsync(ct).ConfigureAwait(false))
        {
            active.Status = PlanStatus.Replaced;
            active.EndedAt = now;
            replaces ??= active.Id;
        }
        var stored = new PlanBody(null, null, null, null, null, null, null, null, null, null, request.Phases.Select(PlanRequests.ToBody).ToList());
        db.Plans.Add(new PlanRow
        {
            UserId = userId, Status = PlanStatus.Active, RequestJson = JsonSerializer.Serialize(stored, JsonSerializerOptions.Web),
            ReplacesPlanId = replaces, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return await current.CurrentAsync(userId, baseUrl, ct).ConfigureAwait(false) is { } view ? view : throw new InvalidOperationException("The new plan vanished.");
    }

    public static RouteGroupBuilder MapCreatePlanEndpoint(RouteGroupBuilder plans)
    {
        plans.MapPost("/", Handle).WithName("CreatePlan").WithSummary("Save a plan and make it the active one (an active plan is kept as replaced)");
        return plans;
    }

    private static async Task<Results<Created<PlanView>, ValidationProblem>> Handle(PlanBody body, HttpContext http, CreatePlan handler, CancellationToken ct) =>
        await handler.CreateAsync(http.User.Id(), body, PlanEndpoints.BaseUrl(http.Request), ct).ConfigureAwait(false) switch
        {
            Outcome<PlanView>.Ok ok => TypedResults.Created("/api/v1/plans/current", ok.Value),
            Outcome<PlanView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };
}
