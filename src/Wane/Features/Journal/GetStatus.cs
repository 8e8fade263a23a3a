using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Domain;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Features.Guardrails;

namespace Wane.Features.Journal;

/// <summary>The last dose.</summary>
public sealed record LastDoseView(string TakenAt, string LocalDate, string LocalTime, string ProductName, string Kind, decimal Amount, string Unit);

/// <summary>One kind's total today against the person's daily cap (R4), if they set one.</summary>
public sealed record TodayTotalView(string Kind, decimal Amount, string Unit, int Doses, int NotCounted, decimal? Cap);

/// <summary>A kind's daily average lately against the weeks before (S2).</summary>
public sealed record TrendView(string Kind, string Unit, decimal RecentDailyAverage, decimal BaselineDailyAverage, decimal? PercentChange, bool Rising);

/// <summary>
/// One substance taken in the last 24 h: its last dose and when it should have worn off, or, with no sourced
/// duration (every substance but kratom), a note that says so instead of a guess.
/// </summary>
public sealed record WearOffView(string Substance, string Kind, string LastDoseAt, string LastDoseLocal, string? WearsOffAt, string? WearsOffLocal, bool WornOff, string? Source, string? Note);

/// <summary>
/// Where the person stands today: the Today view, <c>GET /api/v1/status</c> and <c>wane status</c>.
/// <c>NoDosesYet</c> is true until the first dose is logged; until then there is no kratom-free day to report
/// (a new account's "yesterday" was not a day without kratom, only a day before Wane knew anything).
/// </summary>
public sealed record StatusView(
    string Date,
    LastDoseView? LastDose,
    string? KratomWearsOffAt,
    string? KratomWearsOffLocal,
    IReadOnlyList<TodayTotalView> Totals,
    string? SuggestedStrain,
    string? LastKratomFreeDay,
    int? DaysSinceKratomFree,
    BreakView? NextBreak,
    IReadOnlyList<TrendView> ToleranceTrend,
    IReadOnlyList<AdvisoryView> Advisories,
    IReadOnlyList<Tapering.TodayPlanView> Plan,
    IReadOnlyList<WearOffView> WearOffs,
    bool NoDosesYet = false);

/// <summary>Computes the Today view from the same bounded window the guardrails read.</summary>
internal sealed class GetStatus(Data.WaneDb db, DoseAdvisor advisor, GuardrailQueries settings, DoseQueries queries, BreakQueries breaks, Tapering.GetPlan plans, Profile profile, IClock clock)
{
    public async Task<StatusView> HandleAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var rules = await settings.GetAsync(userId, ct).ConfigureAwait(false);
        var until = now + DoseRules.MaxFutureSkew + Duration.Epsilon;
        var context = await advisor.ContextAsync(userId, days, rules, until, null, ct, Standing.LookBack(rules)).ConfigureAwait(false);
        if (Standing.NeedsFullLookBack(context, rules, now))
        {
            // A recent dose came after a pause: S3 needs the months of former use before it (rare, so read only then).
            context = await advisor.ContextAsync(userId, days, rules, until, null, ct, Standing.FullLookBack(rules)).ConfigureAwait(false);
        }
        var plan = await plans.CurrentAsync(userId, null, ct).ConfigureAwait(false);
        var report = Standing.Compute(context with { HasActivePlan = plan is not null }, rules, now);

        var today = days.DayOf(now);
        var doses = await queries.RangeAsync(userId, days, today, today, ct).ConfigureAwait(false);
        var r4 = rules["R4"];
        var totals = DayTotals.Compute(doses.Select(d => (d.Kind, d.Normalized)))
            .Select(t => new TodayTotalView(WireName.Of(t.Kind), t.Amount, t.Unit.Name(), t.Doses, t.NotCounted, Cap(t.Kind, r4)))
            .ToArray();
        var last = context.History.Count > 0 ? context.History[^1] : null;
        var noDosesYet = last is null && !await db.Doses.AnyAsync(d => d.UserId == userId, ct).ConfigureAwait(false);
        var lastProduct = last is null ? null : context.Stock.FirstOrDefault(p => p.ProductId == last.ProductId);
        var nextBreak = report.NextBreak is { } b
            ? (await breaks.FromAsync(userId, b.From, ct).ConfigureAwait(false)).Where(x => x.From == b.From && x.To == b.To).Select(BreakQueries.View).FirstOrDefault()
            : null;

        return new StatusView(
            TimeText.Format(today),
            last is null ? null : new LastDoseView(TimeText.Format(last.TakenAt), TimeText.Format(days.DayOf(last.TakenAt)),
                TimeText.FormatClock(days.LocalTimeOf(last.TakenAt)), lastProduct?.Name ?? "", WireName.Of(last.Kind), last.Amount.Value, last.Amount.Unit.Name()),
            report.WearsOffAt is { } w ? TimeText.Format(w) : null,
            report.WearsOffAt is { } wl ? TimeText.FormatClock(days.LocalTimeOf(wl)) : null,
            totals,
            report.SuggestedStrain,
            !noDosesYet && report.LastKratomFreeDay is { } free ? TimeText.Format(free) : null,
            noDosesYet ? null : report.DaysSinceKratomFree,
            nextBreak,
            report.ToleranceTrends.Select(t => new TrendView(WireName.Of(t.Kind), t.Unit.Name(), t.RecentDailyAverage, t.BaselineDailyAverage, t.PercentChange, t.Rising)).ToArray(),
            Advice.Views(report.Advisories),
            plan?.Today ?? [],
            report.WearOffs.Select(w => WearOff(w, days, now)).ToArray(),
            noDosesYet);
    }

    private static WearOffView WearOff(SubstanceWearOff w, LocalDays days, Instant now) => new(
        w.Substance,
        WireName.Of(w.Kind),
        TimeText.Format(w.LastDose),
        Local(days, w.LastDose, now),
        w.WearsOffAt is { } at ? TimeText.Format(at) : null,
        w.WearsOffAt is { } local ? Local(days, local, now) : null,
        w.WearsOffAt is { } off && off <= now,
        w.Source is { } source ? Advice.Cite(source) : null,
        w.WearsOffAt is null ? $"Wane has no sourced figure for how long {w.Substance} lasts, so it does not guess; the label or a pharmacist can tell you." : null);

    /// <summary>"14:30", or "2026-11-24 22:00" when not today.</summary>
    private static string Local(LocalDays days, Instant at, Instant now)
    {
        var local = days.LocalTimeOf(at);
        var clock = TimeText.FormatClock(local);
        return local.Date == days.LocalTimeOf(now).Date ? clock : $"{TimeText.Format(local.Date)} {clock}";
    }

    internal static decimal? Cap(ProductKind kind, RuleSetting r4)
    {
        if (!r4.Enabled)
        {
            return null;
        }
        var cap = kind switch { ProductKind.Kratom => r4["kratomCap"], ProductKind.Opioid => r4["opioidCap"], _ => 0m };
        return cap > 0 ? cap : null;
    }
}

internal static class StatusEndpoint
{
    public static RouteGroupBuilder MapStatusEndpoint(this RouteGroupBuilder api)
    {
        api.MapGet("/status", Handle).WithName("GetStatus").WithTags("Journal")
            .WithSummary("Where you stand today: last dose and wear-off, totals against your cap, next strain, breaks, tolerance trend, standing advice");
        return api;
    }

    private static async Task<Ok<StatusView>> Handle(HttpContext http, GetStatus handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(http.User.Id(), ct).ConfigureAwait(false));
}
