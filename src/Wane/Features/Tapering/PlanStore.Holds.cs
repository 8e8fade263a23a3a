using Microsoft.EntityFrameworkCore;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Domain.Time;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

/// <summary>Holds on the active plan: set by the person, from withdrawal scores, resumed, overridden; and re-planning.</summary>
internal sealed partial class PlanStore
{
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
}
