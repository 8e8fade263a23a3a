using NodaTime;
using Wane.Domain.Guardrails.Rules;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails;

/// <summary>
/// S2 (rising tolerance) over time: for each local day, the recent daily average against the baseline before it,
/// computed by the rule's own arithmetic with the person's S2 settings, so the last day is the Today view's trend.
/// </summary>
public static class ToleranceHistory
{
    private static readonly S2RisingTolerance S2 = Guardrails.Rules.OfType<S2RisingTolerance>().Single();

    /// <summary>How far before the start of the first day drawn the host must read doses: S2's recent and baseline days, plus a day.</summary>
    public static Duration LookBack(GuardrailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return S2.LookBack(settings[S2]);
    }

    /// <summary>
    /// S2's numbers for <paramref name="kind"/> at the end of each day from <paramref name="from"/> to <paramref name="to"/>
    /// (days after today's are left out: nothing can be said of them). Doses after <paramref name="now"/> are ignored.
    /// </summary>
    public static ToleranceSeries Compute(GuardrailContext context, GuardrailSettings settings, ProductKind kind, LocalDate from, LocalDate to, Instant now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var s2 = settings[S2];
        var rise = s2[S2RisingTolerance.Rise];
        var end = Guardrails.LowerBound(context.History, now + Duration.Epsilon, context.History.Count);
        var history = new HistorySlice(context.History, 0, end);
        var today = context.Days.DayOf(now);
        var last = to < today ? to : today;
        var days = new List<ToleranceDay>();
        for (var date = from; date <= last; date = date.PlusDays(1))
        {
            var n = S2RisingTolerance.Compute(context, history, s2, kind, date, 0m);
            var baseline = n.BaselineDays > 0 && n.Baseline > 0m;
            days.Add(new ToleranceDay(
                date,
                Round(n.Recent),
                Round(n.Baseline),
                n.BaselineDays,
                baseline ? Round(n.Baseline * (1m + (rise / 100m))) : null,
                ToleranceMath.PercentChange(n),
                ToleranceMath.Rising(n, rise),
                n.HasData));
        }
        return new ToleranceSeries(kind, NormalUnits.For(kind), Spans.Whole(s2[S2RisingTolerance.RecentDays]), Spans.Whole(s2[S2RisingTolerance.BaselineDays]), rise, s2.Enabled, days);
    }

    private static decimal Round(decimal d) => Math.Round(d, 4, MidpointRounding.AwayFromZero);
}
