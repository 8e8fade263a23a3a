using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Domain.CheckIns;
using Wane.Data;
using Wane.Domain;
using Wane.Domain.Tapering;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.CheckIns;
using Wane.Features.Common;
using Wane.Features.Journal;
using Wane.Features.Tapering;

namespace Wane.Features.Trends;

/// <summary>
/// A person's days from one local date to another, for the charts, <c>GET /api/v1/trends</c> and <c>wane trends</c>.
/// Totals come from <see cref="DoseQueries.Day"/>, the same code as a day's page; targets from the active plan's schedule.
/// </summary>
internal sealed class GetTrends(WaneDb db, DoseQueries queries, PlanQueries plans, Profile profile, IClock clock)
{
    /// <summary>
    /// The longest range one request may read: three years, both dates counting. A range ending on <c>to</c> may start
    /// on the day after the same date three years earlier (2023-11-26 to 2026-11-25 is allowed, from 2023-11-25 is not).
    /// </summary>
    public const int MaxYears = 3;

    /// <summary>The earliest first day of a range ending on <paramref name="to"/>.</summary>
    public static LocalDate EarliestFrom(LocalDate to) => to.PlusYears(-MaxYears).PlusDays(1);

    /// <summary>The last day of the longest range starting on <paramref name="from"/> (always allowed by <see cref="EarliestFrom"/>).</summary>
    public static LocalDate LatestTo(LocalDate from) => from.PlusYears(MaxYears).PlusDays(-1);

    public async Task<Outcome<TrendsView>> HandleAsync(string userId, string? fromText, string? toText, int defaultDays, CancellationToken ct) =>
        await ReadRangeAsync(userId, fromText, toText, defaultDays, ct).ConfigureAwait(false) switch
        {
            Outcome<TrendsRead>.Ok ok => ok.Value.View,
            Outcome<TrendsRead>.Invalid bad => Outcome<TrendsView>.Fail(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };

    /// <summary>
    /// The checked range's days with what they were computed from (the doses, the check-ins, the plan's schedule), so a
    /// caller that needs the records too (the FHIR export) reads the period once.
    /// </summary>
    public async Task<Outcome<TrendsRead>> ReadRangeAsync(string userId, string? fromText, string? toText, int defaultDays, CancellationToken ct)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var today = days.DayOf(clock.GetCurrentInstant());
        var errors = new List<FieldError>();
        var to = Date(toText, "to", today, errors);
        var from = Date(fromText, "from", to.PlusDays(-(defaultDays - 1)), errors);
        if (errors.Count == 0 && to < from)
        {
            errors.Add(new("to", "The end date is before the start date."));
        }
        if (errors.Count == 0 && from < EarliestFrom(to))
        {
            errors.Add(new("from", $"Ask for at most three years at a time, both dates counting: for a range ending {TimeText.Format(to)}, start on {TimeText.Format(EarliestFrom(to))} or later."));
        }
        if (errors.Count > 0)
        {
            return Outcome<TrendsRead>.Fail(errors);
        }
        return await ReadAsync(userId, days, from, to, today, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The days from <paramref name="from"/> to <paramref name="to"/> (a range already checked), with the doses they were
    /// computed from by local day, for pages that show more of each day than its totals (History's strains).
    /// </summary>
    public async Task<TrendsRead> ReadAsync(string userId, LocalDays days, LocalDate from, LocalDate to, LocalDate today, CancellationToken ct)
    {
        var doseList = await queries.RangeAsync(userId, days, from, to, ct).ConfigureAwait(false);
        var doses = doseList.ToLookup(d => days.DayOf(d.TakenAt));
        var first = await db.Doses.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.TakenAt)
            .Select(d => (Instant?)d.TakenAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var firstDay = first is { } f ? days.DayOf(f) : (LocalDate?)null;
        var span = days.Span(from, to);
        var checkInList = (await db.CheckIns.AsNoTracking()
                .Where(c => c.UserId == userId && c.TakenAt >= span.Start && c.TakenAt < span.End)
                .OrderBy(c => c.TakenAt).ThenBy(c => c.Id).ToListAsync(ct).ConfigureAwait(false))
            .Select(r => CheckInViews.View(r, days)).ToList();
        var checkIns = checkInList.ToLookup(c => c.LocalDate);
        var schedule = await plans.ScheduleAsync(userId, ct).ConfigureAwait(false);

        var result = new List<TrendDayView>();
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            var day = DoseQueries.Day(date, doses[date].ToList(), days);
            var checks = checkIns[day.Date].ToList();
            var kratomFree = firstDay is { } fd && date >= fd && date <= today && day.Totals.All(t => t.Kind != "kratom");
            result.Add(new TrendDayView(
                day.Date,
                day.Totals.Select(t => new TrendTotalView(t.Kind, t.Amount, t.Unit)).ToArray(),
                schedule is { } s ? Target(s.Request, s.Plan, date) : null,
                schedule is { } h && h.Plan.IsHeld(date),
                kratomFree,
                checks.LastOrDefault(c => c.Kind == InstrumentKind.Sows && c.Score is not null)?.Score,
                checks.LastOrDefault(c => c.Kind == InstrumentKind.Cows && c.Score is not null)?.Score,
                checks.LastOrDefault(c => c.Daily?.Pain is not null)?.Daily!.Pain,
                checks.LastOrDefault(c => c.Daily?.Craving is not null)?.Daily!.Craving));
        }
        return new TrendsRead(new TrendsView(TimeText.Format(from), TimeText.Format(to), result), doses, doseList, checkInList, schedule);
    }

    /// <summary>The target of the phase in progress on <paramref name="date"/>: of the phases begun by then, the one begun last.</summary>
    private static TrendTargetView? Target(TaperRequest request, TaperPlan plan, LocalDate date)
    {
        TrendTargetView? target = null;
        LocalDate? began = null;
        for (var i = 0; i < plan.Phases.Count; i++)
        {
            if (plan.StepOn(i, date) is { } step && (began is null || plan.Phases[i].Steps[0].From >= began))
            {
                began = plan.Phases[i].Steps[0].From;
                target = new TrendTargetView(step.DailyTarget, request.Phases[i].Unit.Name());
            }
        }
        return target;
    }

    private static LocalDate Date(string? text, string field, LocalDate fallback, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (TimeText.ParseDate(text) is { } d)
        {
            return d;
        }
        errors.Add(new(field, $"Use a date like 2026-11-25 (YYYY-MM-DD), {TimeText.RangeText}."));
        return fallback;
    }
}

/// <summary>A range's days and the records they were computed from: doses by local day and in order, check-ins, the plan's schedule.</summary>
internal sealed record TrendsRead(
    TrendsView View, ILookup<LocalDate, Data.Entities.Dose> Doses, IReadOnlyList<Data.Entities.Dose> DoseList,
    IReadOnlyList<CheckInView> CheckIns, (TaperRequest Request, TaperPlan Plan)? Schedule);

internal static class TrendsEndpoint
{
    public static RouteGroupBuilder MapTrendsEndpoint(this RouteGroupBuilder api)
    {
        api.MapGet("/trends", Handle).WithName("GetTrends").WithTags("Trends")
            .WithSummary("Every local day between two dates (inclusive; default the last 14 days; at most three years, both dates counting: from at least the day after the same date three years before to): totals per kind, the plan's target, holds, kratom-free days, check-in scores");
        return api;
    }

    private static async Task<Results<Ok<TrendsView>, ValidationProblem>> Handle(
        string? from, string? to, HttpContext http, GetTrends handler, CancellationToken ct) =>
        await handler.HandleAsync(http.User.Id(), from, to, 14, ct).ConfigureAwait(false) switch
        {
            Outcome<TrendsView>.Ok ok => TypedResults.Ok(ok.Value),
            Outcome<TrendsView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };
}
