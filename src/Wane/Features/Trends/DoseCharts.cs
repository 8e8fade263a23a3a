using System.Globalization;
using NodaTime;
using ScottPlot;
using Wane.Domain.Time;
using Wane.Features.Common;

namespace Wane.Features.Trends;

/// <summary>
/// The dose charts: the last days' totals of one kind against the person's cap and the plan's target (Today),
/// and the whole plan's target as a step line with the actual totals, holds, today and the end (Plan).
/// Every figure drawn comes from <see cref="TrendsView"/>, so it is the figure the day and the plan show.
/// </summary>
internal static class DoseCharts
{
    /// <summary>The kinds drawn, with the unit their totals are in and the plan unit that is comparable.</summary>
    private static readonly (string Kind, string Unit, string Label, Color Color)[] Kinds =
    [
        ("kratom", "g", "Kratom", ChartSvg.Kratom),
        ("opioid", "MME", "Opioids", ChartSvg.Opioid),
    ];

    /// <summary>One chart per kind taken in the range (none when nothing was taken).</summary>
    public static IReadOnlyList<ChartView> Recent(TrendsView trends, LocalDate today, Func<string, decimal?> cap)
    {
        var charts = new List<ChartView>();
        foreach (var (kind, unit, label, color) in Kinds)
        {
            var amounts = trends.Days.Select(d => Amount(d, kind)).ToArray();
            if (amounts.All(a => a is null))
            {
                continue;
            }
            charts.Add(RecentChart(trends, today, kind, unit, label, color, amounts, cap(kind)));
        }
        return charts;
    }

    private static ChartView RecentChart(TrendsView trends, LocalDate today, string kind, string unit, string label, Color color, decimal?[] amounts, decimal? cap)
    {
        var from = TimeText.ParseDate(trends.From)!.Value;
        var days = trends.Days;
        var targets = days.Select(d => Target(d, unit)).ToArray();
        var plt = ChartSvg.NewPlot();
        Holds(plt, days);
        var bars = plt.Add.Bars(Enumerable.Range(0, days.Count).Select(i => (double)i).ToArray(), amounts.Select(a => (double)(a ?? 0)).ToArray());
        bars.Color = color;
        foreach (var b in bars.Bars)
        {
            b.LineWidth = 0;
            b.Size = 0.7;
        }
        bars.LegendText = $"{label}, {unit} a day";
        Steps(plt, targets);
        if (cap is { } c)
        {
            var line = plt.Add.HorizontalLine((double)c, 2, ChartSvg.Cap, LinePattern.Dotted);
            line.LegendText = $"your cap, {Fmt(c)} {unit}";
        }
        var todayIndex = Period.Between(from, today, PeriodUnits.Days).Days;
        if (todayIndex >= 0 && todayIndex < days.Count)
        {
            Marker(plt, todayIndex, "today");
        }
        ChartSvg.DayTicks(plt, from, days.Count, days.Count > 10 ? 4 : 2);
        plt.Axes.Left.Label.Text = unit;
        Finish(plt, Max(amounts, targets, cap));

        var id = $"recent-{kind}";
        var rows = days.Select((d, i) => (IReadOnlyList<string>)[d.Date, amounts[i] is { } a ? Fmt(a) : "0", targets[i] is { } t ? Fmt(t) : "–", d.Held ? "held" : ""]).ToArray();
        return new ChartView(id, $"{label}: the last {days.Count} days", ChartSvg.Render(plt, id),
            RecentSummary(label, unit, days, amounts, targets, cap), ["Date", $"Total ({unit})", $"Plan target ({unit})", "Plan"], rows);
    }

    /// <summary>
    /// The plan's targets of one unit from its start to a few days after its end, with the actual totals up to today
    /// unless <paramref name="taken"/> is false (a viewer the doses were not shared with: targets and holds only).
    /// </summary>
    public static IReadOnlyList<ChartView> Plan(TrendsView trends, LocalDate today, LocalDate end, bool taken = true)
    {
        var charts = new List<ChartView>();
        foreach (var unit in trends.Days.Select(d => d.Target?.Unit).Where(u => u is not null).Distinct())
        {
            var kind = Kinds.FirstOrDefault(k => k.Unit == unit);
            var from = TimeText.ParseDate(trends.From)!.Value;
            var days = trends.Days;
            var targets = days.Select(d => Target(d, unit!)).ToArray();
            var plt = ChartSvg.NewPlot();
            Holds(plt, days);
            Steps(plt, targets, "plan's target");
            var actual = days.Select((d, i) => !taken || kind.Kind is null || from.PlusDays(i) > today ? null : (decimal?)(Amount(d, kind.Kind) ?? 0m)).ToArray();
            var points = actual.Select((a, i) => (a, i)).Where(p => p.a is not null).ToArray();
            if (points.Length > 0)
            {
                var sc = plt.Add.ScatterPoints(points.Select(p => (double)p.i).ToArray(), points.Select(p => (double)p.a!.Value).ToArray(), kind.Color);
                sc.MarkerShape = MarkerShape.FilledCircle;
                sc.MarkerSize = 5;
                sc.LegendText = "taken";
            }
            var todayIndex = Period.Between(from, today, PeriodUnits.Days).Days;
            if (todayIndex >= 0 && todayIndex < days.Count)
            {
                Marker(plt, todayIndex, "today");
            }
            var endIndex = Period.Between(from, end, PeriodUnits.Days).Days;
            if (endIndex >= 0 && endIndex < days.Count)
            {
                Marker(plt, endIndex, "end: tolerance lost");
            }
            ChartSvg.DayTicks(plt, from, days.Count, Math.Max(7, (days.Count / 28 + 1) * 7));
            plt.Axes.Left.Label.Text = unit!;
            Finish(plt, Max(actual, targets, null));

            var id = $"plan-{(kind.Kind ?? unit)!.ToLowerInvariant()}";
            var rows = days.Select((d, i) => (IReadOnlyList<string>)[d.Date, targets[i] is { } t ? Fmt(t) : "–", actual[i] is { } a ? Fmt(a) : "", d.Held ? "held" : ""]).ToArray();
            charts.Add(new ChartView(id, $"The plan, in {unit}", ChartSvg.Render(plt, id),
                PlanSummary(unit!, days, targets, actual, end, kind.Kind is null && taken),
                ["Date", $"Target ({unit})", $"Taken ({unit})", "Plan"], rows,
                "The end of the plan is when tolerance is lowest: a former dose could then be an overdose (the plan's own warning, with its source)."));
        }
        return charts;
    }

    private static string RecentSummary(string label, string unit, IReadOnlyList<TrendDayView> days, decimal?[] amounts, decimal?[] targets, decimal? cap)
    {
        var first = Array.FindIndex(amounts, a => a is not null);
        var parts = new List<string>
        {
            $"{label} over {days.Count} days: {Fmt(amounts[first]!.Value)} {unit} on {ChartSvg.Words(days[first].Date)}, {Fmt(amounts[^1] ?? 0)} {unit} on {ChartSvg.Words(days[^1].Date)}",
        };
        var planned = Enumerable.Range(0, days.Count).Where(i => targets[i] is not null).ToArray();
        if (planned.Length > 0)
        {
            parts.Add($"within the plan's target on {planned.Count(i => (amounts[i] ?? 0) <= targets[i])} of {planned.Length} days");
        }
        if (cap is { } c)
        {
            parts.Add($"above your {Fmt(c)} {unit} cap on {amounts.Count(a => a > c)} days");
        }
        var held = days.Count(d => d.Held);
        if (held > 0)
        {
            parts.Add($"the plan held on {held} {(held == 1 ? "day" : "days")} (shaded)");
        }
        return string.Join("; ", parts) + ".";
    }

    private static string PlanSummary(string unit, IReadOnlyList<TrendDayView> days, decimal?[] targets, decimal?[] actual, LocalDate end, bool notComparable)
    {
        var start = Array.FindIndex(targets, t => t is not null);
        var text = $"The target goes from {Fmt(targets[start]!.Value)} {unit} a day on {ChartSvg.Words(days[start].Date)} to 0 on {ChartSvg.Words(TimeText.Format(end))}, the end of the plan";
        var taken = Enumerable.Range(0, days.Count).Where(i => actual[i] is not null && targets[i] is not null).ToArray();
        if (notComparable)
        {
            text += $"; what you take is counted in MME, not in {unit}, so it is not drawn here";
        }
        else if (taken.Length > 0)
        {
            text += $"; within the target on {taken.Count(i => actual[i] <= targets[i])} of the {taken.Length} days so far";
        }
        var held = days.Count(d => d.Held);
        return text + (held > 0 ? $"; held on {held} {(held == 1 ? "day" : "days")} (shaded), which moved later steps" : "") + ".";
    }

    private static decimal? Amount(TrendDayView d, string kind) => d.Totals.FirstOrDefault(t => t.Kind == kind)?.Amount;

    private static decimal? Target(TrendDayView d, string unit) => d.Target is { } t && t.Unit == unit ? t.Amount : null;

    /// <summary>The targets as a step line: each day's target across its whole day.</summary>
    private static void Steps(Plot plt, decimal?[] targets, string label = "plan's target")
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] is { } t)
            {
                xs.AddRange([i - 0.5, i + 0.5]);
                ys.AddRange([(double)t, (double)t]);
            }
        }
        if (xs.Count == 0)
        {
            return;
        }
        var line = plt.Add.ScatterLine(xs.ToArray(), ys.ToArray(), ChartSvg.Ink);
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 2;
        line.LegendText = label;
    }

    private static void Holds(Plot plt, IReadOnlyList<TrendDayView> days)
    {
        var labelled = false;
        for (var i = 0; i < days.Count; i++)
        {
            if (!days[i].Held || (i > 0 && days[i - 1].Held))
            {
                continue;
            }
            var j = i;
            while (j + 1 < days.Count && days[j + 1].Held)
            {
                j++;
            }
            var span = plt.Add.HorizontalSpan(i - 0.5, j + 0.5);
            span.FillStyle.Color = ChartSvg.Shade;
            span.LineStyle.Width = 0;
            if (!labelled)
            {
                span.LegendText = "plan held";
                labelled = true;
            }
        }
    }

    private static void Marker(Plot plt, int index, string text)
    {
        var line = plt.Add.VerticalLine(index, 1, ChartSvg.Ink, LinePattern.Dotted);
        line.LabelText = text;
        line.LabelOppositeAxis = true;
        line.LabelFontSize = 11;
        line.LabelFontColor = ChartSvg.Ink;
        line.LabelBackgroundColor = Colors.Transparent;
    }

    private static void Finish(Plot plt, decimal max)
    {
        plt.Axes.SetLimitsY(0, (double)(max <= 0 ? 1 : max * 1.15m));
        plt.ShowLegend(Edge.Bottom);
    }

    private static decimal Max(decimal?[] a, decimal?[] b, decimal? c) =>
        a.Concat(b).Append(c).Where(x => x is not null).Select(x => x!.Value).DefaultIfEmpty(0).Max();

    public static string Fmt(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
