using System.CommandLine;
using Wane.Features.Common;
using Wane.Features.Guardrails;
using Wane.Features.Journal;

namespace Wane.Cli;

/// <summary><c>wane status</c>: where you stand today.</summary>
internal static class StatusCommand
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        root.Add(runtime.Command("status", "Where you stand today: last dose, totals, next strain, breaks, tolerance trend, advice", [json], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var s = await host.Get<GetStatus>().HandleAsync(user.Id, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                host.WriteJson(s);
                return;
            }
            var o = host.Console.Out;
            await o.WriteLineAsync($"Today, {s.Date}").ConfigureAwait(false);
            await o.WriteLineAsync(s.LastDose is { } l
                ? $"Last dose: {Fmt.Num(l.Amount)} {l.Unit} {l.ProductName}, {(l.LocalDate == s.Date ? "today" : l.LocalDate)} at {l.LocalTime}."
                : s.NoDosesYet ? "No doses logged yet." : "Last dose: none in recent weeks.").ConfigureAwait(false);
            foreach (var w in s.WearOffs)
            {
                await o.WriteLineAsync(w.WearsOffLocal is not null
                    ? $"{Upper(w.Substance)} at {w.LastDoseLocal}: effects should {(w.WornOff ? "have worn off" : "wear off")} by {w.WearsOffLocal} (source: {w.Source})."
                    : $"{Upper(w.Substance)} at {w.LastDoseLocal}: {w.Note}").ConfigureAwait(false);
            }
            foreach (var p in s.Plan)
            {
                await o.WriteLineAsync($"Plan ({p.Substance}): today's allowance {Fmt.Num(p.Allowance)} {p.Unit}, taken {Fmt.Num(p.Taken)}, left {Fmt.Num(p.Left)} {p.Unit}" +
                    (p.Held ? " (on hold)" : "") + (p.NextStepDown is null ? "." : $"; next step down {p.NextStepDown}.")).ConfigureAwait(false);
            }
            await o.WriteLineAsync("Totals: " + (s.Totals.Count == 0 ? "none yet" : string.Join("; ", s.Totals.Select(t =>
                $"{t.Kind} {Fmt.Num(t.Amount)} {t.Unit}" + (t.Cap is { } c ? $" of {Fmt.Num(c)} {t.Unit} cap" : ""))))).ConfigureAwait(false);
            if (s.SuggestedStrain is not null)
            {
                await o.WriteLineAsync($"Next strain to rotate to: {s.SuggestedStrain}.").ConfigureAwait(false);
            }
            await o.WriteLineAsync(s.NoDosesYet ? "Kratom-free days are counted from your first logged dose."
                : s.LastKratomFreeDay is not null
                ? $"Last kratom-free day: {s.LastKratomFreeDay} ({s.DaysSinceKratomFree} day{(s.DaysSinceKratomFree == 1 ? "" : "s")} ago)."
                : "No kratom-free day in recent weeks.").ConfigureAwait(false);
            await o.WriteLineAsync(s.NextBreak is { } b ? $"Next break: {BreakQueries.Describe(b)}." : "No break scheduled (wane break add FROM TO).").ConfigureAwait(false);
            foreach (var t in s.ToleranceTrend.Where(t => t.BaselineDailyAverage > 0))
            {
                await o.WriteLineAsync($"{t.Kind} lately: {Fmt.Rounded(t.RecentDailyAverage)} {t.Unit}/day vs {Fmt.Rounded(t.BaselineDailyAverage)} {t.Unit}/day in the weeks before" +
                    (t.PercentChange is { } pc ? $" ({Fmt.Num(pc)}%)" : "") + (t.Rising ? ", rising." : ".")).ConfigureAwait(false);
            }
            AdvicePrinter.Print(host.Console, s.Advisories);
        }));
    }

    private static string Upper(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
