using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Wane.Features.Trends;

namespace Wane.Features.Reports;

/// <summary>The report as a PDF (PDFsharp 6.2.4, MIT): headings, wrapped text, tables and a bar chart of the daily totals.</summary>
internal sealed class ReportPdf : IDisposable
{
    private const double Margin = 40, Width = 595, Height = 842;
    private readonly PdfDocument _doc = new();
    private readonly XFont _body = new(ReportFonts.Family, 9);
    private readonly XFont _bold = new(ReportFonts.Family, 9, XFontStyleEx.Bold);
    private readonly XFont _h1 = new(ReportFonts.Family, 16, XFontStyleEx.Bold);
    private readonly XFont _h2 = new(ReportFonts.Family, 12, XFontStyleEx.Bold);
    private XGraphics _g = null!;
    private double _y;

    private ReportPdf()
    {
        _doc.Info.Title = "Wane report";
        _doc.Info.Creator = "Wane";
        NewPage();
    }

    /// <summary>The PDF of <paramref name="r"/>.</summary>
    public static byte[] Render(ReportView r)
    {
        ReportFonts.Install();
        using var pdf = new ReportPdf();
        pdf.Write(r);
        using var stream = new MemoryStream();
        pdf._doc.Save(stream, false);
        return stream.ToArray();
    }

    private void Write(ReportView r)
    {
        Line($"Wane report: {r.From} to {r.To}", _h1, 22);
        Text($"Made {r.GeneratedAt} from the person's own record in Wane. Not medical advice; recommends no dose. Crisis: call or text 988 (US).");
        Heading("Plan and adherence");
        Text(r.PlanSummary ?? "No active taper plan.");
        if (r.Steps.Count > 0)
        {
            Table(["Step", "Target/day", "Days", "At or under", "Mean taken", "Held"], [0.28, 0.16, 0.1, 0.16, 0.18, 0.12],
                r.Steps.Select(s => (IReadOnlyList<string>)[$"{s.From} → {s.To}", $"{Num(s.Target)} {s.Unit}", Int(s.DaysCounted), Int(s.DaysAtOrUnder),
                    s.MeanActual is { } m ? $"{Num(m)} {s.Unit}" : "–", Int(s.DaysHeld)]));
        }
        Heading("Daily totals against target");
        Chart(r.Days);
        Table(["Date", "Totals logged", "Target", "Held"], [0.18, 0.52, 0.18, 0.12],
            r.Days.Select(d => (IReadOnlyList<string>)[d.Date, d.Totals, d.Target is { } t ? $"{Num(t)} {d.Unit}" : "–", d.Held ? "held" : ""]));
        Heading("Withdrawal scores (SOWS, COWS)");
        Text(ReportView.SowsBandNote);
        Rows(r.Scores.Count, () => Table(["Date", "Scale", "Score", "Band"], [0.25, 0.15, 0.2, 0.4],
            r.Scores.Select(s => (IReadOnlyList<string>)[$"{s.Date} {s.Time}", s.Instrument, $"{Int(s.Score)}/{(s.Max is { } x ? Int(x) : "?")}", s.Band ?? "–"])));
        foreach (var source in r.Scores.SelectMany(s => new[] { s.Source, s.BandSource }).OfType<string>().Distinct())
        {
            Text("Source: " + source, small: true);
        }
        Heading("Pain, sleep, mood and craving (0–10)");
        Rows(r.Ratings.Count, () => Table(["Date", "Pain", "Sleep", "Mood", "Craving"], [0.3, 0.175, 0.175, 0.175, 0.175],
            r.Ratings.Select(x => (IReadOnlyList<string>)[$"{x.Date} {x.Time}", Opt(x.Pain), Opt(x.Sleep), Opt(x.Mood), Opt(x.Craving)])));
        Heading("Red flags");
        Rows(r.RedFlags.Count, () => Table(["Date", "Red flags reported"], [0.3, 0.7],
            r.RedFlags.Select(f => (IReadOnlyList<string>)[$"{f.Date} {f.Time}", string.Join(", ", f.Flags)])));
        Heading("Holds and overrides");
        Rows(r.Holds.Count, () => Table(["From", "To", "By", "Reason"], [0.15, 0.15, 0.18, 0.52],
            r.Holds.Select(h => (IReadOnlyList<string>)[h.From, h.To ?? "still held", h.Kind, h.Reason])));
        Heading("Dangers Wane warned about");
        Rows(r.Dangers.Count, () => Table(["Date", "Rule", "Warning"], [0.2, 0.1, 0.7],
            r.Dangers.Select(d => (IReadOnlyList<string>)[$"{d.Date} {d.Time}", d.Rule, $"{d.Title}: {d.Message} Source: {d.Source}"])));
        Heading("Sources");
        foreach (var s in r.Sources)
        {
            Text(s);
        }
        Heading("Limits of the data");
        foreach (var s in r.Limits)
        {
            Text(s);
        }
    }

    private void NewPage()
    {
        _g?.Dispose();
        var page = _doc.AddPage();
        page.Width = XUnit.FromPoint(Width);
        page.Height = XUnit.FromPoint(Height);
        _g = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private void Room(double height)
    {
        if (_y + height > Height - Margin)
        {
            NewPage();
        }
    }

    private void Line(string text, XFont font, double height)
    {
        Room(height);
        _g.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, Width - 2 * Margin, height), XStringFormats.TopLeft);
        _y += height;
    }

    private void Heading(string text)
    {
        Room(60);
        _y += 8;
        Line(text, _h2, 18);
    }

    private void Text(string text, bool small = false)
    {
        foreach (var line in Wrap(text, _body, Width - 2 * Margin))
        {
            Line(line, _body, small ? 11 : 12);
        }
        _y += 2;
    }

    private void Rows(int count, Action table)
    {
        if (count == 0)
        {
            Text("None recorded in this period.");
        }
        else
        {
            table();
        }
    }

    private void Table(IReadOnlyList<string> headers, double[] widths, IEnumerable<IReadOnlyList<string>> rows)
    {
        var full = Width - 2 * Margin;
        Row(headers, widths, full, _bold);
        foreach (var row in rows)
        {
            Row(row, widths, full, _body);
        }
        _y += 4;
    }

    private void Row(IReadOnlyList<string> cells, double[] widths, double full, XFont font)
    {
        var wrapped = cells.Select((c, i) => Wrap(c, font, widths[i] * full - 4)).ToList();
        var height = wrapped.Max(w => w.Count) * 11 + 3;
        Room(height);
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            for (var l = 0; l < wrapped[i].Count; l++)
            {
                _g.DrawString(wrapped[i][l], font, XBrushes.Black, new XRect(x + 2, _y + 1 + l * 11, widths[i] * full - 4, 11), XStringFormats.TopLeft);
            }
            x += widths[i] * full;
        }
        _y += height;
        _g.DrawLine(XPens.LightGray, Margin, _y, Margin + full, _y);
    }

    /// <summary>Bars of each day's total, the target as a dark line per day, held days shaded.</summary>
    private void Chart(IReadOnlyList<ReportDayView> days)
    {
        const double h = 140;
        Room(h + 44);
        _y += 12;
        var full = Width - 2 * Margin;
        // One axis, one unit: the plan's (else the first logged), and only the days' figures in it, so grams and MME
        // never share a scale (the table below lists every total).
        var unit = days.Where(d => d.Target is not null).Select(d => d.Unit).FirstOrDefault() ?? days.Select(d => d.Unit).FirstOrDefault(u => u is not null) ?? "";
        days = days.Select(d => d.Unit == unit ? d : d with { Actual = 0, Target = null }).ToList();
        var max = days.Select(d => Math.Max(d.Actual, d.Target ?? 0)).DefaultIfEmpty(0).Max();
        var top = max <= 0 ? 1 : (double)max * 1.1;
        var bw = full / Math.Max(days.Count, 1);
        var baseY = _y + h;
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            var x = Margin + i * bw;
            if (d.Held)
            {
                _g.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 235, 235)), x, _y, bw, h);
            }
            var bar = (double)d.Actual / top * h;
            _g.DrawRectangle(XBrushes.SteelBlue, x + bw * 0.15, baseY - bar, bw * 0.7, bar);
            if (d.Target is { } t)
            {
                var ty = baseY - (double)t / top * h;
                _g.DrawLine(new XPen(XColors.Black, 1.5), x, ty, x + bw, ty);
            }
        }
        _g.DrawLine(XPens.Black, Margin, baseY, Margin + full, baseY);
        _g.DrawString($"{Num((decimal)top)} {unit}", _body, XBrushes.Black, new XPoint(Margin, _y - 2));
        _y = baseY + 2;
        Line($"Bars: daily total ({unit}); black line: the plan's target; grey: held days. {(days.Count > 0 ? days[0].Date : "")} to {(days.Count > 0 ? days[^1].Date : "")}.", _body, 12);
        Text(ReportView.DosesSource + " " + ReportView.TargetSource, small: true);
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && _g.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }
        lines.Add(current);
        return lines;
    }

    private static string Num(decimal d) => DoseCharts.Fmt(d);
    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);
    private static string Opt(int? i) => i is { } v ? Int(v) : "–";

    public void Dispose()
    {
        _g?.Dispose();
        _doc.Dispose();
    }
}
