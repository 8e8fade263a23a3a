using System.Globalization;
using ScottPlot;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;
using Wane.Features.Common;

namespace Wane.Features.Trends;

/// <summary>
/// S2 over time: the recent daily average against the baseline average before it, and the line at which S2 speaks
/// (the baseline raised by S2's rise, from the person's settings). Every figure is <see cref="ToleranceHistory"/>'s.
/// </summary>
internal static class ToleranceCharts
{
    public static ChartView? For(ToleranceSeries series, string source)
    {
        var days = series.Days;
        if (!days.Any(d => d.HasData))
        {
            return null;
        }
        var (kind, label, color) = series.Kind == ProductKind.Opioid ? ("opioid", "Opioids", ChartSvg.Opioid) : ("kratom", "Kratom", ChartSvg.Kratom);
        var unit = series.Unit.Name();
        var rise = DoseCharts.Fmt(series.RisePercent);
        var recent = days.Select(d => d.HasData ? (decimal?)d.RecentDailyAverage : null).ToArray();
        var baseline = days.Select(d => d.BaselineDays > 0 ? (decimal?)d.BaselineDailyAverage : null).ToArray();
        var risingAt = days.Select(d => d.RisingAt).ToArray();

        var plt = ChartSvg.NewPlot();
        Line(plt, risingAt, ChartSvg.Cap, LinePattern.Dotted, $"S2 speaks: +{rise}%");
        Line(plt, baseline, ChartSvg.Ink, LinePattern.Dashed, $"{series.BaselineDays} days before");
        Line(plt, recent, color, LinePattern.Solid, $"last {series.RecentDays} days");
        var rising = Enumerable.Range(0, days.Count).Where(i => days[i].Rising).ToArray();
        if (rising.Length > 0)
        {
            var marks = plt.Add.ScatterPoints(rising.Select(i => (double)i).ToArray(), rising.Select(i => (double)days[i].RecentDailyAverage).ToArray(), ChartSvg.Cap);
            marks.MarkerShape = MarkerShape.FilledTriangleUp;
            marks.MarkerSize = 8;
            marks.LegendText = "rising";
        }
        var from = days[0].Date;
        ChartSvg.DayTicks(plt, from, days.Count, days.Count > 28 ? 14 : 7);
        plt.Axes.Left.Label.Text = $"{unit} a day";
        var max = recent.Concat(baseline).Concat(risingAt).Where(x => x is not null).Select(x => x!.Value).DefaultIfEmpty(0).Max();
        plt.Axes.SetLimits(-0.5, days.Count - 0.5, 0, (double)(max <= 0 ? 1 : max * 1.15m));
        plt.ShowLegend(Edge.Bottom);

        var id = $"tolerance-{kind}";
        var rows = days.Select(d => (IReadOnlyList<string>)[
            TimeText.Format(d.Date),
            d.HasData ? Cell(d.RecentDailyAverage) : "–",
            d.BaselineDays > 0 ? Cell(d.BaselineDailyAverage) : "–",
            d.RisingAt is { } r ? Cell(r) : "–",
            d.PercentChange is { } p ? $"{(p >= 0 ? "+" : "")}{DoseCharts.Fmt(p)}%" : "–",
            d.Rising ? "rising" : ""]).ToArray();
        var note = series.Kind == ProductKind.Opioid ? " MME: CDC 2022 factors, an estimate of exposure only." : "";
        return new ChartView(id, $"{label}: the last {series.RecentDays} days against the {series.BaselineDays} before (S2)",
            ChartSvg.Render(plt, id), Summary(series, label, unit),
            ["Date", $"Last {series.RecentDays} days ({unit}/day)", $"{series.BaselineDays} days before ({unit}/day)", $"+{rise}% line", "Change", "S2"], rows,
            source + note);
    }

    private static string Summary(ToleranceSeries series, string label, string unit)
    {
        var days = series.Days;
        var last = days[^1];
        var rise = DoseCharts.Fmt(series.RisePercent);
        var text = $"{label} on {ChartSvg.Short(last.Date)}: {Avg(last.RecentDailyAverage)} {unit} a day over the last {series.RecentDays} days";
        text += last.RisingAt is { } at
            ? $" against {Avg(last.BaselineDailyAverage)} {unit} a day over the {Words(last.BaselineDays)} before{(last.BaselineDays < series.BaselineDays ? " (since your first dose)" : "")} ({Change(last.PercentChange)}); S2 speaks from {Avg(at)} {unit} (+{rise}%)"
            : ", with no earlier doses to compare with yet";
        var rising = days.Count(d => d.Rising);
        text += $". Rising on {rising} of the last {days.Count} days" + (series.Enabled ? "." : "; S2 is off, so no advisory is given.");
        return text;
    }

    private static string Words(int days) => days == 1 ? "day" : $"{days.ToString(CultureInfo.InvariantCulture)} days";

    private static string Change(decimal? percent) => percent switch
    {
        null => "no change to measure",
        0m => "no change",
        > 0m => $"{DoseCharts.Fmt(percent.Value)}% above",
        _ => $"{DoseCharts.Fmt(-percent.Value)}% below",
    };

    /// <summary>One decimal place in words, as Today shows it; two in the table.</summary>
    private static string Avg(decimal d) => Common.Fmt.Rounded(d);

    private static string Cell(decimal d) => Common.Fmt.Num(Math.Round(d, 2, MidpointRounding.AwayFromZero));

    /// <summary>A line through the days that have a value, broken where they have none (a gap is unknown, not zero).</summary>
    private static void Line(Plot plt, decimal?[] values, Color color, LinePattern pattern, string legend)
    {
        var labelled = false;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null || (i > 0 && values[i - 1] is not null))
            {
                continue;
            }
            var j = i;
            while (j + 1 < values.Length && values[j + 1] is not null)
            {
                j++;
            }
            var xs = Enumerable.Range(i, j - i + 1).Select(x => (double)x).ToArray();
            var ys = xs.Select(x => (double)values[(int)x]!.Value).ToArray();
            var line = plt.Add.ScatterLine(xs, ys, color);
            line.LinePattern = pattern;
            line.LineWidth = 2;
            if (!labelled)
            {
                line.LegendText = legend;
                labelled = true;
            }
        }
    }
}
