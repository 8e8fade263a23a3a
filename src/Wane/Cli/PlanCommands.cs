using System.CommandLine;
using Spectre.Console;
using Wane.Domain;
using Wane.Domain.Units;
using Wane.Features.Common;
using Wane.Features.Tapering;

namespace Wane.Cli;

/// <summary><c>wane plan preview|create|show|hold|resume|replan</c>.</summary>
internal static class PlanCommands
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var substance = new Option<string>("--substance") { Description = "kratom, or an opioid: oxycodone, morphine, …", Required = true };
        var start = new Option<string?>("--start") { Description = "Start amount per day with its unit: 12g, 60MME, 40mg (default: your own average of the last 7 days)" };
        var pace = new Option<string>("--pace") { Description = "percent:10, linear:0.5, cdc-short, or steps:10;9;8", Required = true };
        var every = new Option<string>("--every") { Description = "Days per step: 7d", DefaultValueFactory = _ => "7d" };
        var doses = new Option<int>("--doses") { Description = "Doses per day", DefaultValueFactory = _ => 1 };
        var resolution = new Option<string?>("--resolution") { Description = "Smallest amount you can measure: 0.1g, 5mg (default 0.1 g or 1 MME/mg)" };
        var splittable = new Option<bool>("--splittable") { Description = "The smallest unit can be split in half (a scored tablet)" };
        var from = new Option<string?>("--from") { Description = "Start date, YYYY-MM-DD (default today)" };
        var duration = new Option<string?>("--duration") { Description = "Opioids: weeks-to-months or year-or-more (decides CDC's pace)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        Symbol[] planOptions = [substance, start, pace, every, doses, resolution, splittable, from, duration, json];

        PlanBody Body(ParseResult parse)
        {
            var errors = new List<FieldError>();
            var (startAmount, unit) = Quantity(parse.GetValue(start), "startAmount", errors);
            var (res, _) = Quantity(parse.GetValue(resolution), "resolution", errors);
            var paceBody = Pace(parse.GetValue(pace)!, errors);
            var everyText = parse.GetValue(every)!.Trim().TrimEnd('d', 'D');
            int? interval = int.TryParse(everyText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            if (interval is null)
            {
                errors.Add(new("intervalDays", "Use a whole number of days, like 7d."));
            }
            if (errors.Count > 0)
            {
                throw new CliException(errors);
            }
            return new PlanBody(parse.GetValue(substance), startAmount, unit, paceBody, interval, parse.GetValue(doses), res,
                parse.GetValue(splittable), parse.GetValue(from), parse.GetValue(duration), null);
        }

        var plan = new Command("plan", "Taper plans");
        plan.Add(runtime.Command("preview", "Show the schedule a plan would have; nothing is saved", planOptions, async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            Print(host, Result(await host.Get<PreviewPlan>().PreviewAsync(user.Id, Body(parse), ct).ConfigureAwait(false)), parse.GetValue(json));
        }));
        plan.Add(runtime.Command("create", "Start a plan (an active plan is kept as replaced)", planOptions, async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            Print(host, Result(await host.Get<CreatePlan>().CreateAsync(user.Id, Body(parse), null, ct).ConfigureAwait(false)), parse.GetValue(json));
        }));
        plan.Add(runtime.Command("show", "Show the active plan with today's allowance", [json], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var current = await host.Get<GetPlan>().CurrentAsync(user.Id, null, ct).ConfigureAwait(false)
                ?? throw new CliException("plan: there is no active plan. Start one with: wane plan create --substance kratom --pace percent:10");
            Print(host, current, parse.GetValue(json));
        }));
        var holdFrom = new Option<string?>("--from") { Description = "First held day, YYYY-MM-DD (default today)" };
        var reason = new Option<string?>("--reason") { Description = "Why (for your records)" };
        plan.Add(runtime.Command("hold", "Pause the active plan; later steps shift", [holdFrom, reason, json], async (host, parse, ct) =>
        {
            var id = await ActiveAsync(host, parse, ct).ConfigureAwait(false);
            Print(host, Result(await host.Get<HoldPlan>().HoldAsync(host.UserId!, id, new HoldBody(parse.GetValue(holdFrom), parse.GetValue(reason)), null, ct).ConfigureAwait(false)), parse.GetValue(json));
        }));
        plan.Add(runtime.Command("resume", "Resume the active plan from today", [json], async (host, parse, ct) =>
        {
            var id = await ActiveAsync(host, parse, ct).ConfigureAwait(false);
            Print(host, Result(await host.Get<ResumePlan>().ResumeAsync(host.UserId!, id, null, ct).ConfigureAwait(false)), parse.GetValue(json));
        }));
        plan.Add(runtime.Command("override", "Go on with the plan although withdrawal scores hold it (recorded)", [json], async (host, parse, ct) =>
        {
            var id = await ActiveAsync(host, parse, ct).ConfigureAwait(false);
            Print(host, Result(await host.Get<OverrideHold>().OverrideHoldAsync(host.UserId!, id, null, ct).ConfigureAwait(false)), parse.GetValue(json));
        }));
        plan.Add(runtime.Command("replan", "Start again from today at your actual recent amount, same pace", [json], async (host, parse, ct) =>
        {
            var id = await ActiveAsync(host, parse, ct).ConfigureAwait(false);
            Print(host, Result(await host.Get<Replan>().ReplanAsync(host.UserId!, id, null, ct).ConfigureAwait(false)), parse.GetValue(json));
        }));
        root.Add(plan);
    }

    private static async Task<long> ActiveAsync(CliHost host, ParseResult parse, CancellationToken ct)
    {
        var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
        host.UserId = user.Id;
        var current = await host.Get<GetPlan>().CurrentAsync(user.Id, null, ct).ConfigureAwait(false);
        return current?.Id ?? throw new CliException("plan: there is no active plan.");
    }

    private static PlanView Result(Outcome<PlanView> outcome) => outcome switch
    {
        Outcome<PlanView>.Ok ok => ok.Value,
        Outcome<PlanView>.Invalid bad => throw new CliException(bad.Errors),
        Outcome<PlanView>.NotFound nf => throw new CliException($"plan: {nf.What} not found."),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>"12g" → (12, "g"); "60MME" → (60, "MME"); "0.5" → (0.5, null).</summary>
    internal static (decimal? Amount, string? Unit) Quantity(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        var t = text.Trim();
        var unit = t.EndsWith("mme", StringComparison.OrdinalIgnoreCase) ? "MME"
            : t.EndsWith("mg", StringComparison.OrdinalIgnoreCase) ? "mg"
            : t.EndsWith('g') ? "g" : null;
        var number = unit is null ? t : t[..^unit.Length].Trim();
        if (AmountText.TryParse(number, out var value, out var error))
        {
            return (value, unit);
        }
        errors.Add(new(field, error!));
        return (null, unit);
    }

    private static PaceBody Pace(string text, List<FieldError> errors)
    {
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        var kind = parts[0].ToLowerInvariant();
        var value = parts.Length > 1 ? parts[1] : null;
        switch (kind)
        {
            case "percent" or "linear":
                var (n, _) = Quantity(value ?? "", kind == "linear" ? "pace.amount" : "pace.percent", errors);
                if (value is null)
                {
                    errors.Add(new(kind == "linear" ? "pace.amount" : "pace.percent", $"Give a number: {kind}:{(kind == "linear" ? "0.5" : "10")}."));
                }
                return new PaceBody(kind, kind == "linear" ? n : null, kind == "percent" ? n : null, null);
            case "steps":
                var amounts = new List<decimal>();
                foreach (var s in (value ?? "").Split([';', ' '], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (AmountText.TryParse(s, out var a, out var error))
                    {
                        amounts.Add(a);
                    }
                    else
                    {
                        errors.Add(new("pace.amounts", error!));
                    }
                }
                return new PaceBody(kind, null, null, amounts);
            default:
                return new PaceBody(kind, null, null, null);
        }
    }

    private static void Print(CliHost host, PlanView plan, bool json)
    {
        if (json)
        {
            host.WriteJson(plan);
            return;
        }
        var ansi = host.Console.Ansi();
        ansi.WriteLine($"Plan {(plan.Id is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " : "")}({plan.Status}): {plan.Start} to {plan.End}");
        foreach (var t in plan.Today)
        {
            ansi.WriteLine($"Today: {t.Substance} allowance {Fmt.Num(t.Allowance)} {t.Unit}, taken {Fmt.Num(t.Taken)}, left {Fmt.Num(t.Left)}" +
                (t.Held ? " (on hold)" : "") + (t.NextStepDown is null ? "" : $"; next step down {t.NextStepDown}"));
        }
        foreach (var phase in plan.Phases)
        {
            ansi.WriteLine(phase.Description);
            var table = new Table().AddColumns("From", "To", "Per day", "Per dose");
            foreach (var s in phase.Steps)
            {
                table.AddRow(s.From, s.To, $"{Fmt.Num(s.DailyTarget)} {phase.Unit}", $"{Fmt.Num(s.PerDoseTarget)} {phase.Unit}");
            }
            ansi.Write(table);
        }
        AdvicePrinter.Print(host.Console, plan.Advisories);
    }
}
