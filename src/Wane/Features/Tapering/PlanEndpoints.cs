using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Features.Guardrails;

namespace Wane.Features.Tapering;

/// <summary>The new calendar feed URL: shown only here, since only its hash is stored.</summary>
public sealed record CalendarUrlView(string CalendarUrl);

internal static class PlanEndpoints
{
    /// <summary>The base of links Wane builds: the configured public URL, never the request's Host header.</summary>
    public static string BaseUrl(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<Web.PublicUrl>().Value;

    public static RouteGroupBuilder MapPlanEndpoints(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Taper plans");
        plans.MapPost("/preview", Preview).WithName("PreviewPlan").WithSummary("Plan a taper without saving it");
        plans.MapPost("/", Create).WithName("CreatePlan").WithSummary("Save a plan and make it the active one (an active plan is kept as replaced)");
        plans.MapGet("/current", Current).WithName("GetCurrentPlan").WithSummary("The active plan: schedule, today's allowance, adherence, holds, since when a calendar feed exists")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id:long}/hold", Hold).WithName("HoldPlan").WithSummary("Pause the plan from a day (default today); later steps shift");
        plans.MapPost("/{id:long}/resume", Resume).WithName("ResumePlan").WithSummary("End a hold: the plan goes on from today");
        plans.MapPost("/{id:long}/override-hold", OverrideHold).WithName("OverrideHold").WithSummary("Go on with the plan although withdrawal scores hold it (recorded)");
        plans.MapPost("/{id:long}/replan", Replan).WithName("Replan").WithSummary("A new plan from today at your actual recent amount, same pace");
        api.MapPost("/calendar/revoke", Revoke).WithName("RevokeCalendar").WithTags("Taper plans").WithSummary("Make a new calendar feed URL (the old one stops working); the URL is shown only in this answer");
        return api;
    }

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{secret}.ics", Feed).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<PlanView>, ValidationProblem>> Preview(PlanBody body, HttpContext http, PlanStore store, CancellationToken ct) =>
        await store.PreviewAsync(http.User.Id(), body, ct).ConfigureAwait(false) switch
        {
            Outcome<PlanView>.Ok ok => TypedResults.Ok(ok.Value),
            Outcome<PlanView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };

    private static async Task<Results<Created<PlanView>, ValidationProblem>> Create(PlanBody body, HttpContext http, PlanStore store, CancellationToken ct) =>
        await store.CreateAsync(http.User.Id(), body, BaseUrl(http.Request), ct).ConfigureAwait(false) switch
        {
            Outcome<PlanView>.Ok ok => TypedResults.Created("/api/v1/plans/current", ok.Value),
            Outcome<PlanView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> Current(HttpContext http, PlanStore store, CancellationToken ct) =>
        await store.CurrentAsync(http.User.Id(), BaseUrl(http.Request), ct).ConfigureAwait(false) is { } plan
            ? TypedResults.Ok(plan)
            : ApiResults.NotFound("Active plan");

    private static Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult> Map(Outcome<PlanView> outcome) => outcome switch
    {
        Outcome<PlanView>.Ok ok => TypedResults.Ok(ok.Value),
        Outcome<PlanView>.Invalid bad => ApiResults.Invalid(bad.Errors),
        Outcome<PlanView>.NotFound nf => ApiResults.NotFound(nf.What),
        _ => throw new InvalidOperationException(),
    };

    private static async Task<Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult>> Hold(long id, HoldBody? body, HttpContext http, PlanStore store, CancellationToken ct) =>
        Map(await store.HoldAsync(http.User.Id(), id, body ?? new HoldBody(null, null), BaseUrl(http.Request), ct).ConfigureAwait(false));

    private static async Task<Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult>> Resume(long id, HttpContext http, PlanStore store, CancellationToken ct) =>
        Map(await store.ResumeAsync(http.User.Id(), id, BaseUrl(http.Request), ct).ConfigureAwait(false));

    private static async Task<Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult>> Replan(long id, HttpContext http, PlanStore store, CancellationToken ct) =>
        Map(await store.ReplanAsync(http.User.Id(), id, BaseUrl(http.Request), ct).ConfigureAwait(false));

    private static async Task<Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult>> OverrideHold(long id, HttpContext http, PlanStore store, CancellationToken ct) =>
        Map(await store.OverrideHoldAsync(http.User.Id(), id, BaseUrl(http.Request), ct).ConfigureAwait(false));

    private static async Task<Ok<CalendarUrlView>> Revoke(HttpContext http, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(new CalendarUrlView($"{BaseUrl(http.Request)}/calendar/{await feeds.RotateAsync(http.User.Id(), ct).ConfigureAwait(false)}.ics"));

    private static async Task<IResult> Feed(string secret, CalendarFeeds feeds, PlanStore plans, BreakStore breaks, Profile profile, IClock clock, CancellationToken ct)
    {
        var userId = await feeds.OwnerAsync(secret, ct).ConfigureAwait(false);
        if (userId is null)
        {
            return Results.NotFound();
        }
        var schedule = await plans.ScheduleAsync(userId, ct).ConfigureAwait(false);
        var today = (await profile.DaysAsync(userId, ct).ConfigureAwait(false)).DayOf(clock.GetCurrentInstant());
        var upcoming = (await breaks.FromAsync(userId, today.PlusDays(-30), ct).ConfigureAwait(false)).Select(BreakStore.View).ToList();
        if (schedule is not { } s)
        {
            return Results.Text(CalendarFeeds.Render(new([]), new([], today, today, []), upcoming, secret[..8]), "text/calendar; charset=utf-8");
        }
        return Results.Text(CalendarFeeds.Render(s.Request, s.Plan, upcoming, secret[..8]), "text/calendar; charset=utf-8");
    }
}
