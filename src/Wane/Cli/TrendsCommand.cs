using System.CommandLine;
using Spectre.Console;
using Wane.Features.Common;
using Wane.Features.Trends;

namespace Wane.Cli;

/// <summary><c>wane trends</c>: each local day's totals against the plan's target; a bar chart on a terminal, plain lines when piped.</summary>
internal static class TrendsCommand
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var from = new Option<string?>("--from") { Description = "First local date, YYYY-MM-DD (default: 13 days before --to)" };
        var to = new Option<string?>("--to") { Description = "Last local date, YYYY-MM-DD (default: today)" };
        var json = new Option<bool>("--json") { Description = "Print JSON (the same as GET /api/v1/trends)" };
        root.Add(runtime.Command("trends", "Daily totals against the plan's target, with holds, kratom-free days and check-in scores", [from, to, json], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var outcome = await host.Get<GetTrends>().HandleAsync(user.Id, parse.GetValue(from), parse.GetValue(to), 14, ct).ConfigureAwait(false);
            if (outcome is Outcome<TrendsView>.Invalid bad)
            {
                throw new CliException(bad.Errors);
            }
            var trends = ((Outcome<TrendsView>.Ok)outcome).Value;
            if (parse.GetValue(json))
            {
                host.WriteJson(trends);
                return;
            }
            foreach (var (kind, unit) in new[] { ("kratom", "g"), ("opioid", "MME") })
            {
                var amounts = trends.Days.Select(d => d.Totals.FirstOrDefault(t => t.Kind == kind)?.Amount).ToArray();
                if (amounts.All(a => a is null))
                {
                    continue;
                }
                if (host.Console.Interactive)
                {
                    var chart = new BarChart().Label($"{kind}, {unit} a day").WithMaxValue((double)amounts.Max(a => a ?? 0));
                    for (var i = 0; i < trends.Days.Count; i++)
                    {
                        chart.AddItem(Line(trends.Days[i], unit), (double)(amounts[i] ?? 0), kind == "kratom" ? Color.SteelBlue : Color.DarkOrange);
                    }
                    host.Console.Ansi().Write(chart);
                    continue;
                }
                await host.Console.Out.WriteLineAsync($"{kind} ({unit} a day), {trends.From} to {trends.To}").ConfigureAwait(false);
                for (var i = 0; i < trends.Days.Count; i++)
                {
                    await host.Console.Out.WriteLineAsync($"{Line(trends.Days[i], unit)}  {DoseCharts.Fmt(amounts[i] ?? 0)} {unit}").ConfigureAwait(false);
                }
            }
            if (trends.Days.All(d => d.Totals.Count == 0))
            {
                await host.Console.Out.WriteLineAsync($"No doses from {trends.From} to {trends.To}.").ConfigureAwait(false);
            }
        }));
    }

    /// <summary>"2026-11-25 (target 8.7 g, held, kratom-free)".</summary>
    private static string Line(TrendDayView d, string unit)
    {
        var notes = new List<string>();
        if (d.Target is { } t && t.Unit == unit)
        {
            notes.Add($"target {DoseCharts.Fmt(t.Amount)} {t.Unit}");
        }
        if (d.Held)
        {
            notes.Add("held");
        }
        if (d.KratomFree && unit == "g")
        {
            notes.Add("kratom-free");
        }
        return notes.Count == 0 ? d.Date : $"{d.Date} ({string.Join(", ", notes)})";
    }
}
