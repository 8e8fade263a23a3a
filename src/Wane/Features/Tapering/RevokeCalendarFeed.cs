using Microsoft.AspNetCore.Http.HttpResults;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

/// <summary>The new calendar feed URL: shown only here, since only its hash is stored.</summary>
public sealed record CalendarUrlView(string CalendarUrl);

/// <summary>Makes a new calendar feed URL; the old one stops working at once.</summary>
internal static class RevokeCalendarFeed
{
    public static IEndpointRouteBuilder MapRevokeCalendarFeedEndpoint(IEndpointRouteBuilder api)
    {
        api.MapPost("/calendar/revoke", Handle).WithName("RevokeCalendar").WithTags("Taper plans").WithSummary("Make a new calendar feed URL (the old one stops working); the URL is shown only in this answer");
        return api;
    }

    private static async Task<Ok<CalendarUrlView>> Handle(HttpContext http, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(new CalendarUrlView($"{PlanEndpoints.BaseUrl(http.Request)}/calendar/{await feeds.RotateAsync(http.User.Id(), ct).ConfigureAwait(false)}.ics"));
}
