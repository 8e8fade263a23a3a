using NodaTime;
using ScottPlot;
using Wane.Domain.CheckIns;
using Wane.Domain.Time;
using Wane.Features.Common;
using Wane.Features.Guardrails;

namespace Wane.Features.CheckIns;

/// <summary>
/// Check-in charts: SOWS and COWS totals over time on their bands (each band named, shaded and sourced, as the
/// score pages show them), and the daily check-in's ratings. Drawn from the check-ins the page lists.
/// </summary>
internal static class CheckInCharts
{
    public static IReadOnlyList<ChartView> For(CheckInListView list)
    {
        if (TimeText.ParseDate(list.From) is not { } from || TimeText.ParseDate(list.To) is not { } to)
        {
            return [];
        }
        var count = Period.Between(from, to, PeriodUnits.Days).Days + 1;
        var charts = new List<ChartView>();
        foreach (var instrument in new[] { Instruments.Sows, Instruments.Cows })
        {
            var readings = list.CheckIns.Where(c => c.Instrument == WireName(instrument) && c.Score is not null).ToArray();
            if (readings.Length > 0)
            {
                charts.Add(Scores(instrument, readings, from, count));
            }
        }
        var daily = list.CheckIns.Where(c => c.Daily is not null).ToArray();
        if (daily.Any(c => c.Daily!.Pain is not null || c.Daily!.Craving is not null))
        {
            charts.Add(Ratings("daily-pain", "Pain and craving", "0 none to 10 worst", daily, from, count, 10,
                ("pain", c => c.Pain, ChartSvg.Cap, MarkerShape.FilledCircle), ("craving", c => c.Craving, ChartSvg.Kratom, MarkerShape.FilledSquare)));
        }
        if (daily.Any(c => c.Daily!.Sleep is not null || c.Daily!.Mood is not null))
        {
            charts.Add(Ratings("daily-sleep", "Sleep and mood", "1 very poor to 5 very good", daily, from, count, 5,
                ("sleep", c => c.Sleep, ChartSvg.Kratom, MarkerShape.FilledCircle), ("mood", c => c.Mood, ChartSvg.Opioid, MarkerShape.FilledTriangleUp)));
        }
        return charts;
    }

    private static string WireName(Instrument i) => i == Instruments.Sows ? "sows" : "cows";

    private static double X(CheckInView c, LocalDate from)
    {
        var date = TimeText.ParseDate(c.LocalDate)!.Value;
        var clock = TimeSpan.TryParse(c.LocalTime, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t.TotalHours / 24 : 0.5;
        return Period.Between(from, date, PeriodUnits.Days).Days + clock - 0.5;
    }

    private static ChartView Scores(Instrument instrument, CheckInView[] readings, LocalDate from, int count)
    {
        var plt = ChartSvg.NewPlot();
        foreach (var band in instrument.Bands)
        {
            var span = plt.Add.VerticalSpan(band.Min - 0.5, band.Max + 0.5);
            span.FillStyle.Color = Shade(band.Severity);
            span.LineStyle.Width = 0;
            var label = plt.Add.Text(band.Name, count - 0.6, band.Max + 0.5);
            label.LabelFontSize = 11;
            label.LabelFontColor = ChartSvg.Ink;
            label.LabelAlignment = Alignment.UpperRight;
        }
        var wire = WireName(instrument);
        var line = plt.Add.ScatterLine(readings.Select(r => X(r, from)).ToArray(), readings.Select(r => (double)r.Score!.Value).ToArray(), ChartSvg.Ink);
        line.MarkerShape = MarkerShape.FilledCircle;
        line.MarkerSize = 6;
        line.LineWidth = 2;
        ChartSvg.DayTicks(plt, from, count, 7);
        plt.Axes.SetLimits(-0.5, count - 0.5, 0, instrument.Bands[^2].Max + 8.5 > instrument.MaxTotal ? instrument.MaxTotal : instrument.Bands[^2].Max + 8.5);
        plt.Axes.Left.Label.Text = $"{wire.ToUpperInvariant()} total";
        var last = readings[^1];
        var summary = $"{readings.Length} {wire.ToUpperInvariant()} {(readings.Length == 1 ? "score" : "scores")} in {count} days, "
            + $"from {readings[0].Score} ({readings[0].Band}) on {ChartSvg.Words(readings[0].LocalDate)} to {last.Score} ({last.Band}) on {ChartSvg.Words(last.LocalDate)}; "
            + $"highest {readings.Max(r => r.Score)}. {instrument.KratomNote}";
        var id = $"checkins-{wire}";
        var rows = readings.Select(r => (IReadOnlyList<string>)[$"{r.LocalDate} {r.LocalTime}", r.Score!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Band ?? "no band"]).ToArray();
        var title = instrument == Instruments.Sows ? "Withdrawal you rated (SOWS)" : "Withdrawal an observer rated (COWS)";
        return new ChartView(id, title, ChartSvg.Render(plt, id), summary, ["Taken", "Total", "Band"], rows, $"Bands: {Advice.Cite(instrument.BandSource)}");
    }

    private static ChartView Ratings(string id, string title, string scale, CheckInView[] daily, LocalDate from, int count, int max,
        params (string Name, Func<DailyView, int?> Value, Color Color, MarkerShape Shape)[] series)
    {
        var plt = ChartSvg.NewPlot();
        foreach (var (name, value, color, shape) in series)
        {
            var points = daily.Where(c => value(c.Daily!) is not null).ToArray();
            if (points.Length == 0)
            {
                continue;
            }
            var line = plt.Add.ScatterLine(points.Select(p => X(p, from)).ToArray(), points.Select(p => (double)value(p.Daily!)!.Value).ToArray(), color);
            line.MarkerShape = shape;
            line.MarkerSize = 7;
            line.LineWidth = 2;
            line.LinePattern = name is "craving" or "mood" ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = name;
        }
        ChartSvg.DayTicks(plt, from, count, 7);
        plt.Axes.SetLimits(-0.5, count - 0.5, 0, max + 0.5);
        plt.Axes.Left.Label.Text = scale;
        plt.ShowLegend(Edge.Bottom);
        var last = daily[^1].Daily!;
        var summary = $"{daily.Length} daily check-ins in {count} days ({scale}); the last, on {ChartSvg.Words(daily[^1].LocalDate)}: "
            + string.Join(", ", series.Select(s => $"{s.Name} {(s.Value(last) is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "not given")}")) + ".";
        var rows = daily.Select(c => (IReadOnlyList<string>)[.. new[] { $"{c.LocalDate} {c.LocalTime}" }.Concat(series.Select(s => s.Value(c.Daily!)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"))]).ToArray();
        return new ChartView(id, $"{title} ({scale})", ChartSvg.Render(plt, id), summary, ["Taken", .. series.Select(s => s.Name)], rows);
    }

    private static Color Shade(Severity severity) => severity switch
    {
        Severity.Mild => Color.FromHex("#3B7FB8").WithAlpha(0.16),
        Severity.Moderate => Color.FromHex("#D9A000").WithAlpha(0.2),
        Severity.Severe => Color.FromHex("#C0392B").WithAlpha(0.2),
        _ => Colors.Transparent,
    };
}
