using NodaTime;
using Wane.Features.Accounts;
using Wane.Features.Guardrails;

namespace Wane.Features.Tapering;

/// <summary>The calendar feed at its secret URL (no sign-in): the plan's step-downs, breaks and check-in reminders.</summary>
internal static class ShowCalendarFeed
{
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{secret}.ics", Handle).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Handle(string secret, CalendarFeeds feeds, PlanQueries plans, BreakQueries breaks, Profile profile, IClock clock, CancellationToken ct)
    {
        var userId = await feeds.OwnerAsync(secret, ct).ConfigureAwait(false);
        if (userId is null)
        {
            return Results.NotFound();
        }
        var schedule = await plans.ScheduleAsync(userId, ct).ConfigureAwait(false);
        var today = (await profile.DaysAsync(userId, ct).ConfigureAwait(false)).DayOf(clock.GetCurrentInstant());
        var upcoming = (await breaks.FromAsync(userId, today.PlusDays(-30), ct).ConfigureAwait(false)).Select(BreakQueries.View).ToList();
        if (schedule is not { } s)
        {
            return Results.Text(CalendarFeeds.Render(new([]), new([], today, today, []), upcoming, secret[..8]), "text/calendar; charset=utf-8");
        }
        return Results.Text(CalendarFeeds.Render(s.Request, s.Plan, upcoming, secret[..8]), "text/calendar; charset=utf-8");
    }
}
