using Microsoft.AspNetCore.Http.HttpResults;
using Wane.Features.CheckIns;
using Wane.Features.Common;
using Wane.Features.Trends;

namespace Wane.Features.Sharing;

/// <summary>
/// The viewer's API, for an account a share was given to (with that account's own token). A share that is not theirs,
/// revoked, expired, or without the scope asked for answers 404, as one that never existed does.
/// </summary>
internal static class ViewSharedEndpoints
{
    private const string Period = " over ?from&to (default the last 30 days, at most 366)";

    public static RouteGroupBuilder MapViewSharedEndpoints(this RouteGroupBuilder api)
    {
        var shared = api.MapGroup("/shared/{id:long}").WithTags("Sharing");
        shared.MapGet("/status", Status).WithName("GetSharedStatus")
            .WithSummary("Today for a person who shared with you: each part only when its scope was shared").ProducesProblem(StatusCodes.Status404NotFound);
        shared.MapGet("/plan", Plan).WithName("GetSharedPlan")
            .WithSummary("The plan and adherence (scope plan)" + Period).ProducesProblem(StatusCodes.Status404NotFound);
        shared.MapGet("/checkins", CheckIns).WithName("GetSharedCheckIns")
            .WithSummary("Check-ins and red flags (scope checkins)" + Period).ProducesProblem(StatusCodes.Status404NotFound);
        shared.MapGet("/doses", Doses).WithName("GetSharedDoses")
            .WithSummary("Doses with amounts and times, and the dangers Wane warned about (scope doses)" + Period).ProducesProblem(StatusCodes.Status404NotFound);
        shared.MapGet("/trends", Trends).WithName("GetSharedTrends")
            .WithSummary("Each day of a period with only the shared figures: totals (doses), targets and holds (plan), scores and ratings (checkins)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        shared.MapPost("/checkins", Cows).WithName("EnterSharedCows")
            .WithSummary("Enter a COWS for the person, recorded as entered by you (only when they allowed it: 409 otherwise)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<SharedStatusView>, ProblemHttpResult>> Status(long id, HttpContext http, ShareGrants grants, ViewShared view, CancellationToken ct) =>
        await grants.ForViewerAsync(http.User.Id(), id, ct).ConfigureAwait(false) is { } grant
            ? TypedResults.Ok(await view.StatusAsync(grant, ct).ConfigureAwait(false))
            : ApiResults.NotFound("Share");

    private static Task<Results<Ok<SharedPlanView>, ValidationProblem, ProblemHttpResult>> Plan(long id, string? from, string? to, HttpContext http, ShareGrants grants, ViewShared view, CancellationToken ct) =>
        Scoped(id, ShareScope.Plan, http, grants, g => view.PlanAsync(g, from, to, ct), ct);

    private static Task<Results<Ok<SharedCheckInsView>, ValidationProblem, ProblemHttpResult>> CheckIns(long id, string? from, string? to, HttpContext http, ShareGrants grants, ViewShared view, CancellationToken ct) =>
        Scoped(id, ShareScope.Checkins, http, grants, g => view.CheckInsAsync(g, from, to, ct), ct);

    private static Task<Results<Ok<SharedDosesView>, ValidationProblem, ProblemHttpResult>> Doses(long id, string? from, string? to, HttpContext http, ShareGrants grants, ViewShared view, CancellationToken ct) =>
        Scoped(id, ShareScope.Doses, http, grants, g => view.DosesAsync(g, from, to, ct), ct);

    private static Task<Results<Ok<TrendsView>, ValidationProblem, ProblemHttpResult>> Trends(long id, string? from, string? to, HttpContext http, ShareGrants grants, ViewShared view, CancellationToken ct) =>
        Scoped(id, null, http, grants, g => view.TrendsAsync(g, from, to, ct), ct);

    private static async Task<Results<Created<CheckInView>, ValidationProblem, ProblemHttpResult>> Cows(long id, SharedCowsBody body, HttpContext http, EnterCows handler, CancellationToken ct) =>
        await handler.HandleAsync(http.User.Id(), id, body, ct).ConfigureAwait(false) switch
        {
            Outcome<CheckInView>.Ok ok => TypedResults.Created($"/api/v1/shared/{id}/checkins?from={ok.Value.LocalDate}&to={ok.Value.LocalDate}", ok.Value),
            Outcome<CheckInView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            Outcome<CheckInView>.Conflict c => ApiResults.Conflict(c.Title, c.Detail),
            _ => ApiResults.NotFound("Share"),
        };

    /// <summary>The grant of the share to the caller, when it has <paramref name="scope"/>; the read; 404 for anything else.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> Scoped<T>(long id, ShareScope? scope, HttpContext http, ShareGrants grants,
        Func<ShareGrant, Task<Outcome<T>>> read, CancellationToken ct)
    {
        var grant = await grants.ForViewerAsync(http.User.Id(), id, ct).ConfigureAwait(false);
        if (grant is null || (scope is { } s && !grant.Has(s)))
        {
            return ApiResults.NotFound("Share");
        }
        return await read(grant).ConfigureAwait(false) switch
        {
            Outcome<T>.Ok ok => TypedResults.Ok(ok.Value),
            Outcome<T>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other?.ToString()),
        };
    }
}
