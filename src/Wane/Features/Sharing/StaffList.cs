using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Features.Tapering;

namespace Wane.Features.Sharing;

/// <summary>
/// The list a service's staff member (or any account) sees: every person with a live share to them, with who is held,
/// who had a red flag in the last 7 days, who has not checked in for N days, and whose plan ends this week, each only
/// where that person shared the scope. Each person's row writes a "list" row of their access log.
/// </summary>
internal sealed class StaffList(WaneDb db, ShareGrants grants, GetPlan plans, Profile profile, IClock clock)
{
    public const int DefaultDays = 3;
    public const int MaxDays = 365;

    /// <summary>How near the plan's last day (before or after today) counts as "ends this week".</summary>
    public const int PlanEndWindow = 7;

    public async Task<Outcome<SharedListView>> HandleAsync(string viewerId, int? days, CancellationToken ct)
    {
        var gap = days ?? DefaultDays;
        if (gap is < 1 or > MaxDays)
        {
            return Outcome<SharedListView>.Fail("days", $"Use a whole number of days from 1 to {MaxDays}.");
        }
        var now = clock.GetCurrentInstant();
        var people = new List<SharedSummaryView>();
        foreach (var grant in await grants.AllForViewerAsync(viewerId, ct).ConfigureAwait(false))
        {
            var row = await db.Shares.AsNoTracking().Where(s => s.Id == grant.ShareId).Select(s => new { s.CreatedAt, s.ExpiresAt }).SingleAsync(ct).ConfigureAwait(false);
            var ownerDays = await profile.DaysAsync(grant.OwnerId, ct).ConfigureAwait(false);
            var today = ownerDays.DayOf(now);
            bool? held = null, endsSoon = null, redFlag = null, notCheckedIn = null;
            string? planEnd = null, lastRedFlag = null, lastCheckIn = null;
            int? since = null;
            if (grant.Has(ShareScope.Plan))
            {
                var plan = await plans.CurrentAsync(grant.OwnerId, null, ct).ConfigureAwait(false);
                held = plan?.Today.Any(t => t.Held) ?? false;
                planEnd = plan?.End;
                endsSoon = TimeText.ParseDate(plan?.End) is { } end && Math.Abs(Period.Between(today, end, PeriodUnits.Days).Days) <= PlanEndWindow;
            }
            if (grant.Has(ShareScope.Checkins))
            {
                var last = await db.CheckIns.AsNoTracking().Where(c => c.UserId == grant.OwnerId).OrderByDescending(c => c.TakenAt)
                    .Select(c => (Instant?)c.TakenAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                var flagged = await db.CheckIns.AsNoTracking().Where(c => c.UserId == grant.OwnerId && c.RedFlags != null).OrderByDescending(c => c.TakenAt)
                    .Select(c => (Instant?)c.TakenAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                lastCheckIn = last is { } l ? TimeText.Format(ownerDays.DayOf(l)) : null;
                since = last is { } s ? Period.Between(ownerDays.DayOf(s), today, PeriodUnits.Days).Days : null;
                notCheckedIn = since is null || since >= gap;
                lastRedFlag = flagged is { } f ? TimeText.Format(ownerDays.DayOf(f)) : null;
                redFlag = flagged is { } rf && rf >= now - Duration.FromDays(7);
            }
            people.Add(new SharedSummaryView(grant.ShareId, grant.OwnerName, ViewShared.Scopes(grant), grant.MayEnterCows,
                TimeText.Format(row.CreatedAt), row.ExpiresAt is { } e ? TimeText.Format(e) : null,
                held, planEnd, endsSoon, redFlag, lastRedFlag, lastCheckIn, since, notCheckedIn));
            await grants.LogAsync(grant, "list", ct).ConfigureAwait(false);
        }
        return new SharedListView(gap, people);
    }
}

internal static class StaffListEndpoint
{
    public static RouteGroupBuilder MapStaffListEndpoint(this RouteGroupBuilder api)
    {
        api.MapGet("/shared", Handle).WithName("ListSharedWithMe").WithTags("Sharing")
            .WithSummary("The people who shared with you: who is held, who had a red flag in the last 7 days, who has not checked in for ?days=N (default 3), whose plan ends within a week, each only where its scope was shared");
        return api;
    }

    private static async Task<Results<Ok<SharedListView>, ValidationProblem>> Handle(int? days, HttpContext http, StaffList handler, CancellationToken ct) =>
        await handler.HandleAsync(http.User.Id(), days, ct).ConfigureAwait(false) switch
        {
            Outcome<SharedListView>.Ok ok => TypedResults.Ok(ok.Value),
            Outcome<SharedListView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };
}
