using System.CommandLine;
using System.Globalization;
using NodaTime;
using Spectre.Console;
using Wane.Data.Entities;
using Wane.Features.Common;
using Wane.Features.Guardrails;

namespace Wane.Cli;

/// <summary><c>wane guardrails show|set</c>, <c>wane break add|list|remove</c>.</summary>
internal static class GuardrailCommands
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var guardrails = new Command("guardrails", "The rules every dose is checked against");
        guardrails.Add(runtime.Command("show", "Show every rule: what it checks, its settings and source", [json], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            Show(host, GuardrailQueries.View(await host.Get<GuardrailQueries>().GetAsync(user.Id, ct).ConfigureAwait(false)), parse.GetValue(json));
        }));
        var assignments = new Argument<string[]>("settings") { Description = "RULE.setting=value, e.g. R1.interval=5h R2.days=5d R3.enabled=false", Arity = ArgumentArity.OneOrMore };
        guardrails.Add(runtime.Command("set", "Change settings (all or nothing)", [assignments], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var store = host.Get<UpdateGuardrails>();
            var settings = await host.Get<GuardrailQueries>().GetAsync(user.Id, ct).ConfigureAwait(false);
            foreach (var assignment in parse.GetValue(assignments)!)
            {
                var (next, error) = settings.Apply(assignment);
                settings = next ?? throw new CliException([error!]);
            }
            await store.SaveAsync(user.Id, settings, ct).ConfigureAwait(false);
            Show(host, GuardrailQueries.View(settings), json: false);
        }));
        root.Add(guardrails);

        var from = new Argument<string>("from") { Description = "First day of the break, YYYY-MM-DD" };
        var to = new Argument<string>("to") { Description = "Last day of the break, YYYY-MM-DD" };
        var note = new Option<string?>("--note") { Description = "A note" };
        var id = new Argument<long>("id") { Description = "The break's id (see wane break list)" };
        var all = new Option<bool>("--all") { Description = "Include breaks that have ended" };
        var breaks = new Command("break", "Scheduled breaks from kratom");
        breaks.Add(runtime.Command("add", "Schedule a break (local dates, inclusive)", [from, to, note], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            switch (await host.Get<AddBreak>().AddAsync(user.Id, new BreakBody(parse.GetValue(from), parse.GetValue(to), parse.GetValue(note)), ct).ConfigureAwait(false))
            {
                case Outcome<Break>.Ok ok:
                    await host.Console.Out.WriteLineAsync($"Scheduled break {ok.Value.Id}: {BreakQueries.Describe(BreakQueries.View(ok.Value))}.").ConfigureAwait(false);
                    break;
                case Outcome<Break>.Invalid bad:
                    throw new CliException(bad.Errors);
            }
        }));
        breaks.Add(runtime.Command("list", "List breaks that have not ended", [all, json], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var today = Features.Accounts.Profile.Days(user).DayOf(host.Get<IClock>().GetCurrentInstant());
            var list = (await host.Get<BreakQueries>().FromAsync(user.Id, parse.GetValue(all) ? new LocalDate(1, 1, 1) : today, ct).ConfigureAwait(false))
                .Select(BreakQueries.View).ToArray();
            if (parse.GetValue(json))
            {
                host.WriteJson(list);
                return;
            }
            foreach (var b in list)
            {
                await host.Console.Out.WriteLineAsync($"{b.Id}\t{BreakQueries.Describe(b)}{(b.Note is null ? "" : "\t" + b.Note)}").ConfigureAwait(false);
            }
            if (list.Length == 0)
            {
                await host.Console.Out.WriteLineAsync("No breaks scheduled. Add one with: wane break add 2026-12-01 2026-12-03").ConfigureAwait(false);
            }
        }));
        breaks.Add(runtime.Command("remove", "Remove a scheduled break", [id], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            if (!await host.Get<RemoveBreak>().RemoveAsync(user.Id, parse.GetValue(id), ct).ConfigureAwait(false))
            {
                throw new CliException($"id: you have no break {parse.GetValue(id).ToString(CultureInfo.InvariantCulture)}.");
            }
            await host.Console.Out.WriteLineAsync("Removed.").ConfigureAwait(false);
        }));
        root.Add(breaks);
    }

    private static void Show(CliHost host, GuardrailsView view, bool json)
    {
        if (json)
        {
            host.WriteJson(view);
            return;
        }
        var table = new Table().AddColumns("Rule", "On", "Settings", "Checks");
        foreach (var r in view.Rules)
        {
            table.AddRow(
                SafeWriter.Markup($"{r.Id} {r.Name}"),
                r.Enabled ? "on" : "off",
                SafeWriter.Markup(string.Join(" ", r.Parameters.Select(p => $"{p.Key}={Fmt.Num(p.Value)}{(p.Unit is "count" or "score" ? "" : p.Unit)}"))),
                SafeWriter.Markup(r.Checks));
        }
        host.Console.Ansi().Write(table);
        host.Console.Out.WriteLine("Sources: wane guardrails show --json, or the Guardrails page.");
    }
}
