using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Wane.Features.Trends;

namespace Wane.Features.Reports;

/// <summary>The report's tables as HTML, for the API's text/html answer and the /report page (one rendering for both).</summary>
internal static class ReportHtml
{
    private const string Css = "body{font-family:sans-serif;max-width:50rem;margin:0 auto;padding:.5rem;overflow-wrap:anywhere}"
        + "table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border-bottom:1px solid #ccc;padding:.2rem;text-align:left}"
        + ".source{font-size:.8rem;color:#444}@media print{a{color:#000}}";

    /// <summary>A whole document, for the API.</summary>
    public static string Document(ReportView r) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Wane report {E(r.From)} to {E(r.To)}</title><style>{Css}</style></head><body><h1>Wane report: {E(r.From)} to {E(r.To)}</h1>{Body(r)}</body></html>";

    /// <summary>The sections, with headings at level 2.</summary>
    public static string Body(ReportView r)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"<p>Made {E(r.GeneratedAt)} from your own record in Wane. Not medical advice; it recommends no dose.</p>");
        b.Append("<section id=\"report-plan\"><h2>Plan and adherence</h2>").Append(P(r.PlanSummary ?? "No active taper plan."));
        Table(b, ["Step", "Target/day", "Days", "At or under", "Mean taken", "Held"], r.Steps.Select(s => new[]
            { $"{s.From} → {s.To}", $"{Fmt(s.Target)} {s.Unit}", Int(s.DaysCounted), Int(s.DaysAtOrUnder), s.MeanActual is { } m ? $"{Fmt(m)} {s.Unit}" : "–", Int(s.DaysHeld) }));
        b.Append("</section><section id=\"report-days\"><h2>Daily totals against target</h2>");
        Table(b, ["Date", "Totals logged", "Target", "Held"], r.Days.Select(d => new[] { d.Date, d.Totals, d.Target is { } t ? $"{Fmt(t)} {d.Unit}" : "–", d.Held ? "held" : "" }));
        b.Append(Src(ReportView.DosesSource + " " + ReportView.TargetSource));
        b.Append("</section><section id=\"report-scores\"><h2>Withdrawal scores (SOWS, COWS)</h2>").Append(P(ReportView.SowsBandNote));
        Table(b, ["Date", "Scale", "Score", "Band"], r.Scores.Select(s => new[] { $"{s.Date} {s.Time}", s.Instrument, $"{Int(s.Score)}/{(s.Max is { } x ? Int(x) : "?")}", s.Band ?? "–" }));
        foreach (var s in r.Scores.SelectMany(s => new[] { s.Source, s.BandSource }).OfType<string>().Distinct())
        {
            b.Append(Src("Source: " + s));
        }
        b.Append("</section><section id=\"report-ratings\"><h2>Pain, sleep, mood and craving (0–10)</h2>");
        Table(b, ["Date", "Pain", "Sleep", "Mood", "Craving"], r.Ratings.Select(x => new[] { $"{x.Date} {x.Time}", Opt(x.Pain), Opt(x.Sleep), Opt(x.Mood), Opt(x.Craving) }));
        b.Append(Src(ReportView.RatingsSource));
        b.Append("</section><section id=\"report-flags\"><h2>Red flags</h2>");
        Table(b, ["Date", "Red flags reported"], r.RedFlags.Select(f => new[] { $"{f.Date} {f.Time}", string.Join(", ", f.Flags) }));
        b.Append("</section><section id=\"report-holds\"><h2>Holds and overrides</h2>");
        Table(b, ["From", "To", "By", "Reason"], r.Holds.Select(h => new[] { h.From, h.To ?? "still held", h.Kind, h.Reason }));
        b.Append("</section><section id=\"report-dangers\"><h2>Dangers Wane warned about</h2>");
        Table(b, ["Date", "Rule", "Warning", "Source"], r.Dangers.Select(d => new[] { $"{d.Date} {d.Time}", d.Rule, $"{d.Title}: {d.Message}", d.Source }));
        b.Append(Src(ReportView.DangerSource));
        b.Append("</section><section id=\"report-limits\"><h2>Limits of the data</h2><ul>");
        foreach (var l in r.Limits)
        {
            b.Append("<li>").Append(E(l)).Append("</li>");
        }
        return b.Append("</ul></section>").ToString();
    }

    private static void Table(StringBuilder b, string[] headers, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            b.Append(P("None recorded in this period."));
            return;
        }
        b.Append("<table><thead><tr>");
        foreach (var h in headers)
        {
            b.Append("<th scope=\"col\">").Append(E(h)).Append("</th>");
        }
        b.Append("</tr></thead><tbody>");
        foreach (var row in list)
        {
            b.Append("<tr>");
            foreach (var c in row)
            {
                b.Append("<td>").Append(E(c)).Append("</td>");
            }
            b.Append("</tr>");
        }
        b.Append("</tbody></table>");
    }

    private static string E(string s) => HtmlEncoder.Default.Encode(s);
    private static string P(string s) => $"<p>{E(s)}</p>";
    private static string Src(string s) => $"<p class=\"source\">{E(s)}</p>";
    private static string Fmt(decimal d) => DoseCharts.Fmt(d);
    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);
    private static string Opt(int? i) => i is { } v ? Int(v) : "–";
}
