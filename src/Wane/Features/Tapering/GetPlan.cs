using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Wane.Domain;
using Wane.Domain.Tapering;
using Wane.Domain.Time;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

/// <summary>The active plan with today's allowance, adherence over the last two weeks, holds and since when a calendar feed exists.</summary>
internal sealed class GetPlan(PlanQueries queries, CalendarFeeds feeds, IClock clock)
{
    public const int AdherenceDays = 14;

    /// <summary>The active plan; null when there is none. <paramref name="baseUrl"/> null (the CLI) leaves the feed out.</summary>
    public async Task<PlanView?> CurrentAsync(string userId, string? baseUrl, CancellationToken ct)
    {
        var loaded = await queries.LoadActiveAsync(userId, ct).ConfigureAwait(false);
        if (loaded is null)
        {
            return null;
        }
        var days = loaded.Days;
        var today = days.DayOf(clock.GetCurrentInstant());
        var (request, plan, holds) = PlanQueries.Schedule(loaded, days, today);
        var from = today.PlusDays(-(AdherenceDays - 1));
        var actual = await queries.ActualsAsync(userId, days, request, from, today, ct).ConfigureAwait(false);
        var (_, holdReason) = PlanQueries.AutomaticHold(loaded);
        var todayViews = new List<TodayPlanView>();
        var adherence = new List<AdherenceView>();
        for (var i = 0; i < plan.Phases.Count; i++)
        {
            var phase = plan.Phases[i];
            var target = plan.StepOn(i, today)?.DailyTarget;
            var held = holds.Any(h => h.From <= today && today <= h.To);
            if (target is { } t)
            {
                var taken = actual[i].GetValueOrDefault(today);
                todayViews.Add(new TodayPlanView(i, TimeText.Format(today), phase.Substance, t, phase.Unit.Name(), taken,
                    Math.Max(0, t - taken), plan.NextStepDown(i, today) is { } next ? TimeText.Format(next) : null, held,
                    held ? holdReason ?? loaded.Holds.LastOrDefault(h => h.To is null)?.Reason : null));
            }
            var start = from < plan.Phases[i].Steps[0].From ? plan.Phases[i].Steps[0].From : from;
            if (start <= today)
            {
                adherence.AddRange(Domain.Tapering.Adherence.Compute(plan, i, actual[i], start, today, holds)
                    .Select(a => new AdherenceView(i, TimeText.Format(a.Date), a.Target, a.Actual, a.Held)));
            }
        }
        // Only the feed's hash is stored, so the view can say since when a feed exists but never its URL.
        var feedSince = baseUrl is null ? null : await feeds.CreatedAtAsync(userId, ct).ConfigureAwait(false);
        return PlanQueries.View(loaded.Row.Id, WireName.Of(loaded.Row.Status), request, plan, loaded.Holds, todayViews, adherence,
            feedSince is { } since ? TimeText.Format(since) : null);
    }

    public static RouteGroupBuilder MapGetPlanEndpoint(RouteGroupBuilder plans)
    {
        plans.MapGet("/current", Handle).WithName("GetCurrentPlan").WithSummary("The active plan: schedule, today's allowance, adherence, holds, since when a calendar feed exists")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return plans;
    }

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> Handle(HttpContext http, GetPlan handler, CancellationToken ct) =>
        await handler.CurrentAsync(http.User.Id(), PlanEndpoints.BaseUrl(http.Request), ct).ConfigureAwait(false) is { } plan
            ? TypedResults.Ok(plan)
            : ApiResults.NotFound("Active plan");
}
