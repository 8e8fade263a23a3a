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
using Wane.Features.Common;
using Wane.Features.Guardrails;

namespace Wane.Features.Tapering;

/// <summary>
/// Taper plans: preview, create (replacing the active plan), show, hold, resume, re-plan. The
/// stored request plus the holds make the schedule; the planner is deterministic.
/// </summary>
internal sealed partial class PlanStore(WaneDb db, Profile profile, CalendarFeeds feeds, IClock clock)
{
    public const int AdherenceDays = 14;

    private sealed record Loaded(PlanRow Row, PlanBody Body, List<PlanHold> Holds, List<Reading> Sows, HoldSettings HoldSettings, LocalDays Days);

    /// <summary>A SOWS taken during the plan, and when (if ever) the person chose to go on despite it.</summary>
    private sealed record Reading(long Id, Instant TakenAt, int Total, Instant? OverriddenAt);

    public async Task<Outcome<PlanView>> PreviewAsync(string userId, PlanBody body, CancellationToken ct)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var today = days.DayOf(clock.GetCurrentInstant());
        var (request, errors) = await ResolveAsync(userId, days, today, body, ct).ConfigureAwait(false);
        if (request is null)
        {
            return Outcome<PlanView>.Fail(errors);
        }
        var (plan, planErrors) = TaperPlanner.Plan(request);
        return plan is null ? Outcome<PlanView>.Fail(planErrors) : View(null, "preview", request, plan, [], [], [], null);
    }

    public async Task<Outcome<PlanView>> CreateAsync(string userId, PlanBody body, string? baseUrl, CancellationToken ct, long? replaces = null)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var today = days.DayOf(clock.GetCurrentInstant());
        var (request, errors) = await ResolveAsync(userId, days, today, body, ct).ConfigureAwait(false);
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
        foreach (var active in await db.Plans.Where(p => p.UserId == userId && p.Status == "active").ToListAsync(ct).ConfigureAwait(false))
        {
            active.Status = "replaced";
            active.EndedAt = now;
            replaces ??= active.Id;
        }
        var stored = new PlanBody(null, null, null, null, null, null, null, null, null, null, request.Phases.Select(PlanRequests.ToBody).ToList());
        db.Plans.Add(new PlanRow
        {
            UserId = userId, Status = "active", RequestJson = JsonSerializer.Serialize(stored, JsonSerializerOptions.Web),
            ReplacesPlanId = replaces, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return await CurrentAsync(userId, baseUrl, ct).ConfigureAwait(false) is { } view ? view : throw new InvalidOperationException("The new plan vanished.");
    }

    /// <summary>The active plan with today's allowance, adherence and holds; null when there is none.</summary>
    public async Task<PlanView?> CurrentAsync(string userId, string? baseUrl, CancellationToken ct)
    {
        var loaded = await LoadActiveAsync(userId, ct).ConfigureAwait(false);
        if (loaded is null)
        {
            return null;
        }
        var days = loaded.Days;
        var today = days.DayOf(clock.GetCurrentInstant());
        var (request, plan, holds) = Schedule(loaded, days, today);
        var from = today.PlusDays(-(AdherenceDays - 1));
        var actual = await ActualsAsync(userId, days, request, from, today, ct).ConfigureAwait(false);
        var (_, holdReason) = AutomaticHold(loaded);
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
        return View(loaded.Row.Id, loaded.Row.Status, request, plan, loaded.Holds, todayViews, adherence,
            feedSince is { } since ? TimeText.Format(since) : null);
    }

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
                .Where(p => p.UserId == userId && p.Status == "active" && (id == 0 || p.Id == id))
                .OrderByDescending(p => p.Id).FirstOrDefault());

    private async Task<Loaded?> LoadActiveAsync(string userId, CancellationToken ct, long? id = null)
    {
        var row = await FindActive(db, userId, id ?? 0, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }
        var holds = await db.PlanHolds.AsNoTracking().Where(h => h.PlanId == row.Id && h.UserId == userId).OrderBy(h => h.From).ToListAsync(ct).ConfigureAwait(false);
        var body = JsonSerializer.Deserialize<PlanBody>(row.RequestJson, JsonSerializerOptions.Web)!;
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var start = body.AllPhases().Select(p => TimeText.ParseDate(p.StartDate)).Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(days.DayOf(row.CreatedAt)).Min();
        var since = days.StartOf(start);
        var sows = await db.CheckIns.AsNoTracking()
            .Where(c => c.UserId == userId && c.Instrument == "sows" && c.TakenAt >= since && c.Score != null)
            .OrderBy(c => c.TakenAt)
            .Select(c => new Reading(c.Id, c.TakenAt, c.Score!.Value, c.HoldOverriddenAt))
            .ToListAsync(ct).ConfigureAwait(false);
        var settings = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new HoldSettings(u.HoldThreshold, u.HoldRise)).SingleAsync(ct).ConfigureAwait(false);
        return new Loaded(row, body, holds, sows, settings, days);
    }

    /// <summary>The stored request with its holds (an open hold runs through today) planned again.</summary>
    private static (TaperRequest Request, TaperPlan Plan, IReadOnlyList<Hold> Holds) Schedule(Loaded loaded, LocalDays days, LocalDate today)
    {
        var errors = new List<FieldError>();
        var phases = loaded.Body.AllPhases()
            .Select((p, i) => PlanRequests.Resolve(p, "", today, (_, _) => null, errors) ?? throw new InvalidOperationException($"Stored plan {loaded.Row.Id} phase {i} no longer resolves."))
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
        WithdrawalHolds.During([.. loaded.Sows.Select(r => new ScoredReading(r.TakenAt, r.Total, r.OverriddenAt))], days, loaded.HoldSettings, start, today);

    /// <summary>Why the plan waits today because of withdrawal scores, or null.</summary>
    private static PlanView View(long? id, string status, TaperRequest request, TaperPlan plan, IReadOnlyList<PlanHold> holds,
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
