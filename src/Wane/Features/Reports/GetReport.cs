using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Domain.CheckIns;
using Wane.Data;
using Wane.Domain.Guardrails;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.CheckIns;
using Wane.Features.Common;
using Wane.Features.Guardrails;
using Wane.Features.Journal;
using Wane.Features.Tapering;
using Wane.Features.Trends;

namespace Wane.Features.Reports;

/// <summary>
/// The report for the appointment, for a period (default the last 30 local days, at most 366): the same days as the
/// trends (<see cref="GetTrends"/>), the plan page's schedule and holds, the check-ins, and the dangers the guardrail
/// engine finds again for each dose of the period (Wane stores no advisories, so they are recomputed).
/// </summary>
internal sealed class GetReport(WaneDb db, GetTrends trends, GetPlan plans, GuardrailQueries settings, DoseAdvisor advisor, Profile profile, IClock clock)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    private static readonly string[] DangerRules = ["S1", "S3"];

    public async Task<Outcome<ReportView>> HandleAsync(string userId, string? from, string? to, CancellationToken ct)
    {
        var range = await trends.HandleAsync(userId, from, to, DefaultDays, ct).ConfigureAwait(false);
        if (range is Outcome<TrendsView>.Invalid invalid)
        {
            return Outcome<ReportView>.Fail(invalid.Errors);
        }
        var period = ((Outcome<TrendsView>.Ok)range).Value;
        if (period.Days.Count > MaxDays)
        {
            return Outcome<ReportView>.Fail("from", $"Ask for at most {MaxDays} days (about a year) in one report.");
        }
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        var today = days.DayOf(now);
        var first = TimeText.ParseDate(period.From)!.Value;
        var last = TimeText.ParseDate(period.To)!.Value;
        var span = days.Span(first, last);
        var rows = await db.CheckIns.AsNoTracking()
            .Where(c => c.UserId == userId && c.TakenAt >= span.Start && c.TakenAt < span.End)
            .OrderBy(c => c.TakenAt).ThenBy(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        var checkIns = rows.Select(r => CheckInViews.View(r, days)).ToList();
        var plan = await plans.CurrentAsync(userId, null, ct).ConfigureAwait(false);

        var dayViews = period.Days.Select(Day).ToList();
        var holds = Holds(plan, period, first, last);
        holds.AddRange(rows.Where(r => r.HoldOverriddenAt is { } at && at >= span.Start && at < span.End).Select(r =>
            new ReportHoldView(TimeText.Format(days.DayOf(r.HoldOverriddenAt!.Value)), TimeText.Format(days.DayOf(r.HoldOverriddenAt!.Value)), "override",
                $"You chose to go on with the plan despite the hold from a SOWS of {r.Score} on {TimeText.Format(days.DayOf(r.TakenAt))}.")));

        return new ReportView(
            period.From, period.To, TimeText.Format(now),
            plan is null ? null : $"Active plan from {plan.Start} to {plan.End} ({string.Join("; ", plan.Phases.Select(p => p.Description))}).",
            plan is null ? [] : Steps(plan, period.Days, first, last, today),
            dayViews,
            checkIns.Where(c => c.Score is not null && c.Kind is InstrumentKind.Sows or InstrumentKind.Cows)
                .Select(c => new ReportScoreView(c.LocalDate, c.LocalTime, c.Instrument.ToUpperInvariant(), c.Score!.Value, c.Max, c.Band, c.Source,
                    c.Kind == InstrumentKind.Sows ? $"{c.BandSource}. {ReportView.SowsBandNote}" : c.BandSource)).ToArray(),
            checkIns.Where(c => c.Daily is { } d && (d.Pain ?? d.Sleep ?? d.Mood ?? d.Craving) is not null)
                .Select(c => new ReportRatingView(c.LocalDate, c.LocalTime, c.Daily!.Pain, c.Daily.Sleep, c.Daily.Mood, c.Daily.Craving)).ToArray(),
            checkIns.Where(c => c.RedFlags.Count > 0).Select(c => new ReportRedFlagView(c.LocalDate, c.LocalTime, c.RedFlags)).ToArray(),
            holds,
            await DangersAsync(userId, days, span, ct).ConfigureAwait(false),
            [ReportView.DosesSource, ReportView.TargetSource, ReportView.RatingsSource, ReportView.DangerSource],
            ReportView.LimitsOfData);
    }

    private static ReportDayView Day(TrendDayView d)
    {
        var totals = d.Totals.Count == 0 ? "none logged" : string.Join(", ", d.Totals.Select(t => $"{DoseCharts.Fmt(t.Amount)} {t.Unit} {t.Kind}"));
        var unit = d.Target?.Unit ?? (d.Totals.Count > 0 ? d.Totals[0].Unit : null);
        return new ReportDayView(d.Date, totals, d.Target?.Amount, d.Totals.Where(x => x.Unit == unit).Sum(x => x.Amount), unit, d.Held);
    }

    /// <summary>Each step of the plan that overlaps the period, against the days it covered up to today.</summary>
    private static ReportStepView[] Steps(PlanView plan, IReadOnlyList<TrendDayView> periodDays, LocalDate first, LocalDate last, LocalDate today) =>
        plan.Phases.SelectMany(phase => phase.Steps.Select(step =>
        {
            var from = TimeText.ParseDate(step.From)!.Value;
            var to = TimeText.ParseDate(step.To)!.Value;
            var covered = periodDays.Where(d => TimeText.ParseDate(d.Date) is { } date && date >= from && date <= to && date <= today).ToList();
            var actuals = covered.Select(d => d.Totals.Where(t => t.Unit == phase.Unit).Sum(t => t.Amount)).ToList();
            return (Overlaps: from <= last && to >= first, View: new ReportStepView(phase.Index, phase.Substance, phase.Unit, step.From, step.To,
                step.DailyTarget, covered.Count, actuals.Count(a => a <= step.DailyTarget),
                actuals.Count == 0 ? null : Math.Round(actuals.Average(), 2), covered.Count(d => d.Held)));
        })).Where(s => s.Overlaps).Select(s => s.View).ToArray();

    /// <summary>Manual holds with their reasons, and the runs of held days no manual hold explains (withdrawal scores).</summary>
    private static List<ReportHoldView> Holds(PlanView? plan, TrendsView period, LocalDate first, LocalDate last)
    {
        var result = new List<ReportHoldView>();
        if (plan is null)
        {
            return result;
        }
        var manual = plan.Holds.Where(h => TimeText.ParseDate(h.From)!.Value <= last && (h.To is null || TimeText.ParseDate(h.To)!.Value >= first)).ToList();
        result.AddRange(manual.Select(h => new ReportHoldView(h.From, h.To, "by you", h.Reason ?? "no reason given")));
        bool Manual(string date) => manual.Any(h => string.CompareOrdinal(h.From, date) <= 0 && (h.To is null || string.CompareOrdinal(date, h.To) <= 0));
        string? start = null, end = null;
        foreach (var d in period.Days.Append(null))
        {
            if (d is not null && d.Held && !Manual(d.Date))
            {
                start ??= d.Date;
                end = d.Date;
                continue;
            }
            if (start is not null)
            {
                result.Add(new ReportHoldView(start, end, "by withdrawal scores", "SOWS scores high enough that Wane's hold rule paused the next step down (tapering.md)."));
                start = null;
            }
        }
        return result.OrderBy(h => h.From, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The S1 and S3 advisories (caution or danger) for each dose of the period, evaluated as when it was logged: the
    /// history before it, with the current rule settings.
    /// </summary>
    private async Task<IReadOnlyList<ReportDangerView>> DangersAsync(string userId, LocalDays days, Interval span, CancellationToken ct)
    {
        var rules = await settings.GetAsync(userId, ct).ConfigureAwait(false);
        var lookBack = span.End - span.Start + Domain.Guardrails.Guardrails.Window(rules);
        var context = await advisor.ContextAsync(userId, days, rules, span.End, null, ct, lookBack).ConfigureAwait(false);
        var history = context.History;
        var result = new List<ReportDangerView>();
        for (var i = 0; i < history.Count; i++)
        {
            var dose = history[i];
            if (dose.TakenAt < span.Start)
            {
                continue;
            }
            var before = history.Where((_, j) => j != i).ToList();
            foreach (var a in Domain.Guardrails.Guardrails.Evaluate(context with { History = before }, rules, dose, dose.TakenAt))
            {
                if (DangerRules.Contains(a.Rule) && a.Level != AdvisoryLevel.Info)
                {
                    result.Add(new ReportDangerView(TimeText.Format(days.DayOf(dose.TakenAt)), TimeText.FormatClock(days.LocalTimeOf(dose.TakenAt)),
                        a.Rule, Advice.Level(a.Level), a.Title, a.Message, Advice.Cite(a.Source)));
                }
            }
        }
        return result;
    }
}
