using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Domain.Journal;
using Wane.Domain.Tapering;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.CheckIns;
using Wane.Features.Guardrails;

namespace Wane.Features.Tapering;

/// <summary>
/// The active plan as stored (the request plus the holds) and planned again, for every slice of the area and for
/// the guardrails' daily cap. Reads only: a plan's writes are its slices' (<see cref="CreatePlan"/>, <see cref="HoldPlan"/> ...).
/// Withdrawal readings are read from the check-ins table; the choice to go on despite one is written by CheckIns (OverrideHold).
/// </summary>
internal sealed partial class PlanQueries(WaneDb db, Profile profile, CheckInQueries checkIns, IClock clock) : IPlanHolds
{
    /// <summary>The active plan as stored, its holds, the SOWS check-ins taken during it, the person's hold settings and days.</summary>
    internal sealed record Loaded(PlanRow Row, PlanBody Body, List<PlanHold> Holds, List<SowsCheckIn> Sows, HoldSettings HoldSettings, LocalDays Days);

    public async Task<(bool Active, Normalized? Kratom, Normalized? Opioid)> AllowancesAsync(string userId, LocalDays days, LocalDate date, CancellationToken ct)
    {
        var loaded = await LoadActiveAsync(userId, ct).ConfigureAwait(false);
        if (loaded is null)
        {
            return (false, null, null);
        }
        var (request, plan, _) = Schedule(loaded, days, days.DayOf(clock.GetCurrentInstant()));
        var (kratom, opioid) = DailyAllowance.On(request, plan, date);
        return (true, kratom, opioid);
    }

    /// <summary>The active plan's schedule (for the calendar feed).</summary>
    public async Task<(TaperRequest Request, TaperPlan Plan)?> ScheduleAsync(string userId, CancellationToken ct)
    {
        var loaded = await LoadActiveAsync(userId, ct).ConfigureAwait(false);
        if (loaded is null)
        {
            return null;
        }
        var (request, plan, _) = Schedule(loaded, loaded.Days, loaded.Days.DayOf(clock.GetCurrentInstant()));
        return (request, plan);
    }

    /// <summary>The active plan (with <c>id</c> 0, whichever it is). Read for every dose logged.</summary>
    private static readonly Func<WaneDb, string, long, CancellationToken, Task<PlanRow?>> FindActive =
        EF.CompileAsyncQuery((WaneDb db, string userId, long id, CancellationToken ct) =>
            db.Plans.AsNoTracking()
                .Where(p => p.UserId == userId && p.Status == PlanStatus.Active && (id == 0 || p.Id == id))
                .OrderByDescending(p => p.Id).FirstOrDefault());

    private static readonly Func<WaneDb, string, long, IAsyncEnumerable<PlanHold>> HoldsOf =
        EF.CompileAsyncQuery<WaneDb, string, long, PlanHold>((db, userId, planId) =>
            db.PlanHolds.AsNoTracking().Where(h => h.PlanId == planId && h.UserId == userId).OrderBy(h => h.From));

    private static readonly Func<WaneDb, string, CancellationToken, Task<HoldSettings>> HoldSettingsOf =
        EF.CompileAsyncQuery((WaneDb db, string userId, CancellationToken ct) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new HoldSettings(u.HoldThreshold, u.HoldRise)).Single());

    public async Task<Loaded?> LoadActiveAsync(string userId, CancellationToken ct, long? id = null)
    {
        var row = await FindActive(db, userId, id ?? 0, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }
        var holds = new List<PlanHold>();
        await foreach (var h in HoldsOf(db, userId, row.Id).WithCancellation(ct).ConfigureAwait(false))
        {
            holds.Add(h);
        }
        var body = JsonSerializer.Deserialize<PlanBody>(row.RequestJson, JsonSerializerOptions.Web)!;
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var start = body.AllPhases().Select(p => TimeText.ParseDate(p.StartDate)).Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(days.DayOf(row.CreatedAt)).Min();
        var since = days.StartOf(start);
        var sows = await checkIns.SowsSinceAsync(userId, since, ct).ConfigureAwait(false);
        var settings = await HoldSettingsOf(db, userId, ct).ConfigureAwait(false);
        return new Loaded(row, body, holds, sows, settings, days);
    }

    /// <summary>The stored request with its holds (an open hold runs through today) planned again.</summary>
    public static (TaperRequest Request, TaperPlan Plan, IReadOnlyList<Hold> Holds) Schedule(Loaded loaded, LocalDays days, LocalDate today)
    {
        var errors = new List<FieldError>();
        // Resolved as of its own start date: a stored start is kept however long ago it was (the "no more than a
        // year ago" bound is for a new plan; resolved as of today, a plan older than a year would start again today).
        var phases = loaded.Body.AllPhases()
            .Select((p, i) => PlanRequests.Resolve(p, "", TimeText.ParseDate(p.StartDate) ?? today, (_, _) => null, errors)
                ?? throw new InvalidOperationException($"Stored plan {loaded.Row.Id} phase {i} no longer resolves."))
            .ToList();
        var manual = loaded.Holds
            .Where(h => h.From <= today || h.To is not null)
            .Select(h => new Hold(h.From, h.To ?? (today < h.From ? h.From : today)));
        var start = phases.Min(p => p.StartDate);
        // The planner joins overlapping or touching holds itself, so a day held twice is held once.
        var holds = manual.Concat(AutomaticHolds(loaded, days, start, today)).OrderBy(h => h.From).ToList();
        var (plan, planErrors) = TaperPlanner.Plan(new TaperRequest(phases, holds));
        if (plan is null)
        {
            // A hold that no longer fits (e.g. the plan ended meanwhile) must not make the plan unreadable.
            (plan, planErrors) = TaperPlanner.Plan(new TaperRequest(phases, []));
            holds = [];
        }
        return (new TaperRequest(phases, holds), plan ?? throw new InvalidOperationException(string.Join("; ", planErrors.Select(e => e.Message))), holds);
    }

    /// <summary>Days the plan waits because of withdrawal scores (the rule is the domain's).</summary>
    private static IReadOnlyList<Hold> AutomaticHolds(Loaded loaded, LocalDays days, LocalDate start, LocalDate today) =>
        WithdrawalHolds.During(Scored(loaded), days, loaded.HoldSettings, start, today);

    /// <summary>The reading that holds the plan today and why, or nulls (the rule is the domain's <see cref="HoldRule"/>).</summary>
    public async Task<(long? ReadingId, string? Reason)> AutomaticHoldAsync(string userId, CancellationToken ct) =>
        await LoadActiveAsync(userId, ct).ConfigureAwait(false) is { } loaded ? AutomaticHold(loaded) : (null, null);

    public static (long? ReadingId, string? Reason) AutomaticHold(Loaded loaded) =>
        WithdrawalHolds.Now(Scored(loaded), loaded.Days, loaded.HoldSettings) is { Hold: true } decision ? (loaded.Sows[^1].Id, decision.Reason) : (null, null);

    private static ScoredReading[] Scored(Loaded loaded) => [.. loaded.Sows.Select(r => new ScoredReading(r.TakenAt, r.Total, r.OverriddenAt))];

    /// <summary>A plan as the API shows it.</summary>
    public static PlanView View(long? id, string status, TaperRequest request, TaperPlan plan, IReadOnlyList<PlanHold> holds,
        IReadOnlyList<TodayPlanView> today, IReadOnlyList<AdherenceView> adherence, string? calendarFeedSince)
    {
        var phases = plan.Phases.Select(p => PlanRounding.Explain(new PhaseView(p.Index, p.Substance, p.Unit.Name(), PlanRequests.Describe(request.Phases[p.Index]),
            p.Steps.Select(StepView.Of).ToArray(), TimeText.Format(p.End)), p, request.Phases[p.Index], plan.Holds)).ToArray();
        return new PlanView(id, status, TimeText.Format(plan.Start), TimeText.Format(plan.End), phases[0].Steps, phases,
            Advice.Views(plan.Advisories),
            holds.Select(h => new HoldView(h.Id, TimeText.Format(h.From), h.To is { } t ? TimeText.Format(t) : null, h.Reason)).ToArray(),
            today, adherence, calendarFeedSince);
    }
}
