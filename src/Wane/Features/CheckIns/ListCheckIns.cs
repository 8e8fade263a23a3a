using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.CheckIns;

/// <summary>Check-ins between two local dates (default the last 30 days), oldest first.</summary>
internal sealed class ListCheckIns(WaneDb db, Profile profile, IClock clock)
{
    public async Task<Outcome<CheckInListView>> ListAsync(string userId, string? fromText, string? toText, CancellationToken ct)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var today = days.DayOf(clock.GetCurrentInstant());
        var range = DateRange.Parse(fromText, toText, today, defaultDays: 30);
        if (range is Outcome<(LocalDate, LocalDate)>.Invalid bad)
        {
            return Outcome<CheckInListView>.Fail(bad.Errors);
        }
        var (from, to) = ((Outcome<(LocalDate From, LocalDate To)>.Ok)range).Value;
        var span = days.Span(from, to);
        var rows = await db.CheckIns.AsNoTracking().Where(c => c.UserId == userId && c.TakenAt >= span.Start && c.TakenAt < span.End)
            .OrderBy(c => c.TakenAt).ThenBy(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        var enteredBy = await CheckInQueries.EnteredByAsync(db, rows.Select(r => r.EnteredByShareId), ct).ConfigureAwait(false);
        return new CheckInListView(TimeText.Format(from), TimeText.Format(to), rows.Select(r => CheckInViews.View(r, days))
            .Select(v => v.EnteredByShareId is { } id ? v with { EnteredBy = enteredBy.GetValueOrDefault(id, CheckInQueries.EnteredByGone) } : v).ToArray());
    }

    public static RouteGroupBuilder MapListCheckInsEndpoint(RouteGroupBuilder checkins)
    {
        checkins.MapGet("/", Handle).WithName("ListCheckIns").WithSummary("Check-ins between two local dates (default the last 30 days)");
        return checkins;
    }

    private static async Task<Results<Ok<CheckInListView>, ValidationProblem>> Handle(string? from, string? to, HttpContext http, ListCheckIns store, CancellationToken ct) =>
        await store.ListAsync(http.User.Id(), from, to, ct).ConfigureAwait(false) switch
        {
            Outcome<CheckInListView>.Ok ok => TypedResults.Ok(ok.Value),
            Outcome<CheckInListView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };
}
