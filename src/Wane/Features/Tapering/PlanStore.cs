using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
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
internal sealed class PlanStore(WaneDb db, Profile profile, CalendarFeeds feeds, IClock clock)
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

    public async Task<Outcome<PlanView>> HoldAsync(string userId, long id, HoldBody body, string? baseUrl, CancellationToken ct)
    {
        var loaded = await LoadActiveAsync(userId, ct, id).ConfigureAwait(false);
        if (loaded is null)
        {
            return new Outcome<PlanView>.NotFound("Active plan");
        }
        var days = loaded.Days;
        var today = days.DayOf(clock.GetCurrentInstant());
        var from = today;
        if (!string.IsNullOrWhiteSpace(body.From))
        {
            if (TimeText.ParseDate(body.From) is not { } d)
            {
                return Outcome<PlanView>.Fail("from", $"Use a date like 2026-12-01 (YYYY-MM-DD), {TimeText.RangeText}.");
            }
            if (d < today.PlusYears(-1) || d > today.PlusYears(2))
            {
                return Outcome<PlanView>.Fail("from", "Hold from a day no more than a year ago and no more than two years ahead.");
            }
            from = d;
        }
        var reason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim();
        if (reason?.Length > 200)
        {
            return Outcome<PlanView>.Fail("reason", "Keep the reason to 200 characters or fewer.");
        }
        if (FreeText.HasControl(reason))
        {
            return Outcome<PlanView>.Fail("reason", FreeText.ControlMessage);
        }
        if (loaded.Holds.Any(h => h.To is null))
        {
            return Outcome<PlanView>.Fail("from", "The plan is already on hold; resume it first.");
        }
        var (_, plan, _) = Schedule(loaded, days, today);
        if (from < plan.Start || from >= plan.End)
        {
            return Outcome<PlanView>.Fail("from", $"Hold from a day within the plan ({TimeText.Format(plan.Start)} to {TimeText.Format(plan.End.PlusDays(-1))}).");
        }
        if (from < today.PlusDays(-30) || loaded.Holds.Any(h => h.To is { } to && from <= to))
        {
            return Outcome<PlanView>.Fail("from", "A hold starts after earlier holds and no more than 30 days back.");
        }
        db.PlanHolds.Add(new PlanHold { UserId = userId, PlanId = loaded.Row.Id, From = from, Reason = reason, CreatedAt = clock.GetCurrentInstant() });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (await CurrentAsync(userId, baseUrl, ct).ConfigureAwait(false))!;
    }

    /// <summary>Ends the open hold: today the plan runs again (yesterday was the last held day).</summary>
    public async Task<Outcome<PlanView>> ResumeAsync(string userId, long id, string? baseUrl, CancellationToken ct)
    {
        var loaded = await LoadActiveAsync(userId, ct, id).ConfigureAwait(false);
        if (loaded is null)
        {
            return new Outcome<PlanView>.NotFound("Active plan");
        }
        var open = await db.PlanHolds.SingleOrDefaultAsync(h => h.PlanId == loaded.Row.Id && h.UserId == userId && h.To == null, ct).ConfigureAwait(false);
        if (open is null)
        {
            return Outcome<PlanView>.Fail("hold", "The plan is not on hold.");
        }
        var today = loaded.Days.DayOf(clock.GetCurrentInstant());
        if (open.From >= today)
        {
            db.PlanHolds.Remove(open);
        }
        else
        {
            open.To = today.PlusDays(-1);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (await CurrentAsync(userId, baseUrl, ct).ConfigureAwait(false))!;
    }

    /// <summary>A new plan from today at the person's actual recent amount, with the same paces; the old one is kept as replaced.</summary>
    public async Task<Outcome<PlanView>> ReplanAsync(string userId, long id, string? baseUrl, CancellationToken ct)
    {
        var loaded = await LoadActiveAsync(userId, ct, id).ConfigureAwait(false);
        if (loaded is null)
        {
            return new Outcome<PlanView>.NotFound("Active plan");
        }
        var phases = loaded.Body.AllPhases().Select(p => p with { StartAmount = null, StartDate = null }).ToList();
        return await CreateAsync(userId, new PlanBody(null, null, null, null, null, null, null, null, null, null, phases), baseUrl, ct, loaded.Row.Id).ConfigureAwait(false);
    }

    /// <summary>
    /// Today's allowance per kind for the guardrails' daily cap (R4): grams for a kratom phase, MME for an opioid phase.
    /// </summary>
    public async Task<(bool Active, Normalized? Kratom, Normalized? Opioid)> AllowancesAsync(string userId, LocalDays days, LocalDate date, CancellationToken ct)
    {
        var loaded = await LoadActiveAsync(userId, ct).ConfigureAwait(false);
        if (loaded is null)
        {
            return (false, null, null);
        }
        var (request, plan, _) = Schedule(loaded, days, days.DayOf(clock.GetCurrentInstant()));
        Normalized? kratom = null, opioid = null;
        for (var i = 0; i < plan.Phases.Count; i++)
        {
            if (plan.StepOn(i, date) is not { } step)
            {
                continue;
            }
            var p = request.Phases[i];
            if (p.Unit == PlanUnit.Grams)
            {
                kratom = new Normalized(step.DailyTarget, NormalUnit.Grams);
            }
            else
            {
                var mme = p.Unit == PlanUnit.Mme ? step.DailyTarget : step.DailyTarget * MmeFactors.Factor(Opioid(p.Substance!));
                opioid = new Normalized((opioid?.Amount ?? 0) + mme, NormalUnit.Mme);
            }
        }
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

    /// <summary>
    /// Days the plan waits because of withdrawal: a day is held when the latest SOWS by its end meets
    /// the hold rule, unless the person chose to go on (from the day they did, until a new SOWS).
    /// </summary>
    private static IEnumerable<Hold> AutomaticHolds(Loaded loaded, LocalDays days, LocalDate start, LocalDate today)
    {
        if (loaded.Sows.Count == 0)
        {
            yield break;
        }
        LocalDate? runStart = null;
        var first = days.DayOf(loaded.Sows[0].TakenAt);
        for (var day = first < start ? start : first; day <= today; day = day.PlusDays(1))
        {
            var end = days.StartOf(day.PlusDays(1));
            var upTo = loaded.Sows.Where(r => r.TakenAt < end).ToList();
            var latest = upTo.Count > 0 ? upTo[^1] : null;
            var held = latest is not null
                && HoldRule.Decide(upTo.Select(r => new SowsReading(days.DayOf(r.TakenAt), r.TakenAt, r.Total)).ToList(), loaded.HoldSettings).Hold
                && !(latest.OverriddenAt is { } o && days.DayOf(o) <= day);
            if (held)
            {
                runStart ??= day;
            }
            else if (runStart is { } s)
            {
                yield return new Hold(s, day.PlusDays(-1));
                runStart = null;
            }
        }
        if (runStart is { } open)
        {
            yield return new Hold(open, today);
        }
    }

    /// <summary>Why the plan waits today because of withdrawal scores, or null.</summary>
    public async Task<(long? ReadingId, string? Reason)> AutomaticHoldAsync(string userId, CancellationToken ct) =>
        await LoadActiveAsync(userId, ct).ConfigureAwait(false) is { } loaded ? AutomaticHold(loaded) : (null, null);

    private static (long? ReadingId, string? Reason) AutomaticHold(Loaded loaded)
    {
        if (loaded.Sows.Count == 0)
        {
            return (null, null);
        }
        var latest = loaded.Sows[^1];
        var decision = HoldRule.Decide(loaded.Sows.Select(r => new SowsReading(loaded.Days.DayOf(r.TakenAt), r.TakenAt, r.Total)).ToList(), loaded.HoldSettings);
        return decision.Hold && latest.OverriddenAt is null ? (latest.Id, decision.Reason) : (null, null);
    }

    /// <summary>Goes on with the plan despite the hold the latest SOWS caused; the choice is recorded on that check-in.</summary>
    public async Task<Outcome<PlanView>> OverrideHoldAsync(string userId, long id, string? baseUrl, CancellationToken ct)
    {
        if (await LoadActiveAsync(userId, ct, id).ConfigureAwait(false) is not { } loaded)
        {
            return new Outcome<PlanView>.NotFound("Active plan");
        }
        var (readingId, _) = AutomaticHold(loaded);
        if (readingId is null)
        {
            return Outcome<PlanView>.Fail("hold", "The plan is not waiting because of withdrawal scores.");
        }
        var reading = await db.CheckIns.SingleAsync(c => c.Id == readingId && c.UserId == userId, ct).ConfigureAwait(false);
        reading.HoldOverriddenAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (await CurrentAsync(userId, baseUrl, ct).ConfigureAwait(false))!;
    }

    private async Task<(PhaseRequest? Request, List<FieldError> Errors)> ResolveOne(string userId, LocalDays days, LocalDate today, PhaseBody body, string prefix, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        decimal? average = null;
        var substance = body.Substance?.Trim().ToLowerInvariant();
        // Only a substance the planner knows has an average; anything else is named by PlanRequests.Resolve.
        if (body.StartAmount is null && (substance == "kratom" || WireName.TryParse<Domain.Opioids.OpioidName>(substance, out _)))
        {
            average = await RecentAverageAsync(userId, days, today, substance!, body.Unit, ct).ConfigureAwait(false);
        }
        var phase = PlanRequests.Resolve(body, prefix, today, (_, _) => average, errors);
        return (phase, errors);
    }

    private async Task<(TaperRequest? Request, IReadOnlyList<FieldError> Errors)> ResolveAsync(string userId, LocalDays days, LocalDate today, PlanBody body, CancellationToken ct)
    {
        var bodies = body.AllPhases();
        if (bodies.Count > PlanRequests.MaxPhases)
        {
            return (null, [new FieldError("phases", $"A plan has at most {PlanRequests.MaxPhases} phases.")]);
        }
        var errors = new List<FieldError>();
        var phases = new List<PhaseRequest>();
        for (var i = 0; i < bodies.Count; i++)
        {
            if (bodies[i] is null)
            {
                errors.Add(new($"phases[{i}]", "Each phase is an object with at least \"substance\" and \"pace\"."));
                continue;
            }
            var (phase, phaseErrors) = await ResolveOne(userId, days, today, bodies[i], bodies.Count > 1 ? $"phases[{i}]." : "", ct).ConfigureAwait(false);
            errors.AddRange(phaseErrors);
            if (phase is not null)
            {
                phases.Add(phase);
            }
        }
        return errors.Count > 0 ? (null, errors) : (new TaperRequest(phases), errors);
    }

    /// <summary>The person's own average daily amount over the 7 local days before today (null when none).</summary>
    private async Task<decimal?> RecentAverageAsync(string userId, LocalDays days, LocalDate today, string substance, string? unit, CancellationToken ct)
    {
        var actual = await DailyAsync(userId, days, substance, unit?.Trim() == "mg" ? PlanUnit.Milligrams : substance == "kratom" ? PlanUnit.Grams : PlanUnit.Mme,
            today.PlusDays(-7), today.PlusDays(-1), ct).ConfigureAwait(false);
        var total = actual.Values.Sum();
        return total > 0 ? Math.Round(total / 7m, 2) : null;
    }

    private async Task<Dictionary<LocalDate, decimal>[]> ActualsAsync(string userId, LocalDays days, TaperRequest request, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var result = new Dictionary<LocalDate, decimal>[request.Phases.Count];
        for (var i = 0; i < request.Phases.Count; i++)
        {
            result[i] = await DailyAsync(userId, days, request.Phases[i].Substance!, request.Phases[i].Unit, from, to, ct).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>Daily totals of one substance in a plan unit (kratom grams; an opioid's MME, or its mg = MME ÷ its own factor).</summary>
    private async Task<Dictionary<LocalDate, decimal>> DailyAsync(string userId, LocalDays days, string substance, PlanUnit unit, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var span = days.Span(from, to);
        var query = db.Doses.AsNoTracking().Where(d => d.UserId == userId && d.TakenAt >= span.Start && d.TakenAt < span.End && d.NormalizedAmount != null);
        if (substance == "kratom")
        {
            query = query.Where(d => d.Kind == ProductKind.Kratom);
        }
        else
        {
            var opioid = Opioid(substance);
            query = query.Where(d => d.Kind == ProductKind.Opioid && d.Product!.Opioid == opioid);
        }
        var doses = await query.Select(d => new { d.TakenAt, d.NormalizedAmount }).ToListAsync(ct).ConfigureAwait(false);
        var factor = unit == PlanUnit.Milligrams ? MmeFactors.Factor(Opioid(substance)) : 1m;
        return doses.GroupBy(d => days.DayOf(d.TakenAt)).ToDictionary(g => g.Key, g => Math.Round(g.Sum(d => d.NormalizedAmount!.Value) / factor, 4));
    }

    private static OpioidName Opioid(string substance) =>
        WireName.TryParse<OpioidName>(substance, out var o) ? o.Value : throw new ArgumentException($"Not an opioid: {substance}", nameof(substance));

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
