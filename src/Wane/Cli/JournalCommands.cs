using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using Spectre.Console;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;
using Wane.Features.Journal;
using Wane.Features.Products;
using Wane.Features.Common;

namespace Wane.Cli;

/// <summary><c>wane log</c>, <c>wane doses</c>.</summary>
internal static partial class JournalCommands
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var amount = new Argument<string?>("amount") { Description = "How much, with a decimal point: 2.5 (or 2.5g)", Arity = ArgumentArity.ZeroOrOne };
        var unit = new Argument<string?>("unit") { Description = "g, mg, mcg, capsule, tablet, tsp, ml, mcg/h (default: your preferred unit)", Arity = ArgumentArity.ZeroOrOne };
        var product = new Option<string?>("--product") { Description = "Product name or id" };
        var same = new Option<string?>("--same") { Description = "Log the last dose of this product (name or id) again, now: same amount and unit" };
        var at = new Option<string?>("--at") { Description = "When, in your time zone: \"2026-11-25 08:30\", \"08:30\" (today), or RFC 3339 (default: now)" };
        var meal = new Option<string?>("--meal") { Description = "empty, before, with, after-large" };
        var reason = new Option<string?>("--reason") { Description = string.Join(", ", WireName.All<DoseReason>()) };
        var pain = new Option<int?>("--pain") { Description = "Pain before the dose, 0–10" };
        var note = new Option<string?>("--note") { Description = "A note (up to 2,000 characters)" };
        var clientId = new Option<Guid?>("--client-id") { Description = "A UUID that makes a retried log idempotent" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Log without asking, even when a guardrail raises a caution or danger" };
        var check = new Option<bool>("--check") { Description = "Only check the dose against the guardrails; store nothing" };
        root.Add(runtime.Command("log", "Log a dose taken (checked against the guardrails)", [amount, unit, product, same, at, meal, reason, pain, note, clientId, yes, check], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var days = Features.Accounts.Profile.Days(user);
            var now = host.Get<IClock>().GetCurrentInstant();
            var errors = new List<FieldError>();

            LogDoseCommand command;
            Data.Entities.Product chosen;
            if (parse.GetValue(same) is { } sameName)
            {
                if (parse.GetValue(amount) is not null || parse.GetValue(product) is not null)
                {
                    throw new CliException("same: --same logs the product's last dose again; give no amount or --product with it.");
                }
                chosen = await host.Get<ProductQueries>().FindAsync(user.Id, sameName, ct).ConfigureAwait(false)
                    ?? throw new CliException($"same: you have no product \"{sameName}\". See: wane products list");
                var last = await host.Get<RepeatDose>().LastAsync(user.Id, chosen.Id, ct).ConfigureAwait(false)
                    ?? throw new CliException($"same: there is no dose of {chosen.Name} to repeat yet; log one first.");
                command = RepeatDose.Again(chosen.Id, last.Amount, last.Unit, parse.GetValue(clientId));
                if (parse.GetValue(at) is not null || parse.GetValue(meal) is not null || parse.GetValue(reason) is not null || parse.GetValue(note) is not null || parse.GetValue(pain) is not null)
                {
                    throw new CliException("same: --same logs the last dose again now; for another time or details, give the amount: wane log AMOUNT UNIT --product … --at ….");
                }
            }
            else
            {
                if (parse.GetValue(product) is not { } productName)
                {
                    throw new CliException("product: name the product taken with --product (or use --same PRODUCT to repeat its last dose).");
                }
                if (parse.GetValue(amount) is not { } amountArg)
                {
                    throw new CliException("amount: give the amount taken, for example: wane log 2.5 g --product \"" + productName + "\".");
                }
                var (amountText, unitText) = SplitAmount(amountArg, parse.GetValue(unit));
                decimal? value = AmountText.TryParse(amountText, out var v, out var amountError) ? v : null;
                if (value is null)
                {
                    errors.Add(new("amount", amountError!));
                }
                Instant? takenAt = null;
                if (parse.GetValue(at) is { } atText)
                {
                    var parsed = TimeText.ParseUserTimeStrict(atText, days, now, $"Use a time like \"2026-11-25 08:30\", \"08:30\", or 2026-11-25T08:30:00-05:00 ({TimeText.RangeText}).");
                    takenAt = parsed.Value;
                    if (parsed.Error is { } timeError)
                    {
                        // Never moved silently: name the instants, each as an --at that means exactly one.
                        errors.Add(new("takenAt", parsed.Choices.Count == 0 ? timeError
                            : timeError + " Then run again with " + string.Join(" or ", parsed.Choices.Select(c => $"--at {TimeText.FormatLocal(c, days)}")) + "."));
                    }
                }
                chosen = await host.Get<ProductQueries>().FindAsync(user.Id, productName, ct).ConfigureAwait(false)
                    ?? throw new CliException($"product: you have no product \"{productName}\". See: wane products list");
                // Without a unit: the unit this product was last taken in, else the preferred unit.
                var lastUnit = unitText is null ? (await host.Get<RepeatDose>().LastAsync(user.Id, chosen.Id, ct).ConfigureAwait(false))?.Unit.Name() : null;
                var draft = new DoseDraft(value, unitText ?? lastUnit ?? user.PreferredUnit, takenAt, parse.GetValue(meal), parse.GetValue(reason),
                    parse.GetValue(pain), parse.GetValue(note));
                command = new LogDoseCommand(chosen.Id, draft, parse.GetValue(clientId), errors);
            }
            var handler = host.Get<LogDose>();
            var asked = false;
            Outcome<LoggedDose>? outcome = null;
            if (parse.GetValue(check) || (host.Console.Interactive && !parse.GetValue(yes)))
            {
                // Evaluated once (ADR 0023): stored as checked, or kept for the question and confirmed with one small query.
                outcome = parse.GetValue(check) ? null : await handler.ReplayAsync(user.Id, command.ClientId, ct).ConfigureAwait(false);
                switch (outcome is null ? await handler.CheckAsync(user.Id, command, ct).ConfigureAwait(false) : null)
                {
                    case Outcome<CheckedDose>.Invalid bad:
                        throw new CliException(bad.Errors);
                    case Outcome<CheckedDose>.NotFound:
                        throw new CliException("product: not found.");
                    case Outcome<CheckedDose>.Ok { Value: var c }:
                        var advice = Features.Guardrails.Advice.Views(c.Advisories);
                        if (parse.GetValue(check))
                        {
                            var n = c.Dose.Normalized is { } nv ? $" (= {Fmt.Num(nv.Amount)} {nv.Unit.Name()})" : "";
                            await host.Console.Out.WriteLineAsync($"Check only, nothing stored: {Fmt.Num(c.Dose.Amount.Value)} {c.Dose.Amount.Unit.Name()} of {chosen.Name}{n}. " +
                                (advice.Count == 0 ? "No advisories." : $"{advice.Count} advisor{(advice.Count == 1 ? "y" : "ies")}:")).ConfigureAwait(false);
                            AdvicePrinter.Print(host.Console, advice);
                            return;
                        }
                        if (!Features.Guardrails.Advice.NeedsConfirmation(advice))
                        {
                            outcome = await handler.StoreAsync(user.Id, command.ClientId, c, ct).ConfigureAwait(false);
                            break;
                        }
                        asked = true;
                        outcome = await AskAsync(host, user.Id, await host.Get<ConfirmDose>().HoldAsync(user.Id, c, command.ClientId, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                        if (outcome is null)
                        {
                            await host.Console.Out.WriteLineAsync("Not logged.").ConfigureAwait(false);
                            return;
                        }
                        break;
                }
            }
            outcome ??= await handler.HandleAsync(user.Id, command, ct).ConfigureAwait(false);
            switch (outcome)
            {
                case Outcome<LoggedDose>.Ok { Value: var logged }:
                    var dose = DoseView.From(logged.Dose, logged.Product, days);
                    var normalized = dose.Normalized is { } n && n.Unit != dose.Unit ? $" (= {Fmt.Num(n.Amount)} {n.Unit})" : "";
                    var flags = dose.Flags.Count > 0 ? $" [{string.Join(", ", dose.Flags)}: not counted in totals]" : "";
                    host.Console.Out.WriteLine(logged.Replayed
                        ? $"Already logged (same client id): dose {dose.Id}, {Fmt.Num(dose.Amount)} {dose.Unit} of {dose.ProductName} on {dose.LocalDate} at {dose.LocalTime}."
                        : $"Logged dose {dose.Id}: {Fmt.Num(dose.Amount)} {dose.Unit} of {dose.ProductName} on {dose.LocalDate} at {dose.LocalTime}{Which(logged.Dose.TakenAt, days)}{normalized}.{flags}");
                    var day = await host.Get<DoseQueries>().DayAsync(user.Id, days.DayOf(logged.Dose.TakenAt), ct).ConfigureAwait(false);
                    host.Console.Out.WriteLine($"{day.Date} totals: " + string.Join("; ", day.Totals.Select(t => $"{t.Kind} {Fmt.Num(t.Amount)} {t.Unit}")));
                    if (!asked)
                    {
                        AdvicePrinter.Print(host.Console, Features.Guardrails.Advice.Views(logged.Advisories));
                    }
                    break;
                case Outcome<LoggedDose>.Invalid bad:
                    throw new CliException(bad.Errors);
                case Outcome<LoggedDose>.Gone gone:
                    throw new CliException($"clientId: {gone.Title} {gone.Detail}");
                default:
                    throw new CliException("product: not found.");
            }
        }));

        var from = new Option<string?>("--from") { Description = "First local date, YYYY-MM-DD (default: 6 days before --to)" };
        var to = new Option<string?>("--to") { Description = "Last local date, YYYY-MM-DD (default: today)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        root.Add(runtime.Command("doses", "List doses by local day", [from, to, json], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var outcome = await host.Get<DoseQueries>().ListAsync(user.Id, parse.GetValue(from), parse.GetValue(to), ct).ConfigureAwait(false);
            if (outcome is Outcome<DoseListView>.Invalid bad)
            {
                throw new CliException(bad.Errors);
            }
            var list = ((Outcome<DoseListView>.Ok)outcome).Value;
            if (parse.GetValue(json))
            {
                host.WriteJson(list);
                return;
            }
            if (list.Doses.Count == 0)
            {
                host.Console.Out.WriteLine($"No doses from {list.From} to {list.To}.");
                return;
            }
            var table = new Table().AddColumns("Date", "Time", "Product", "Amount", "Counted as", "Id");
            foreach (var d in list.Doses)
            {
                table.AddRow(d.LocalDate, d.LocalTime, SafeWriter.Markup(d.ProductName), $"{Fmt.Num(d.Amount)} {d.Unit}",
                    d.Normalized is { } n ? $"{Fmt.Num(n.Amount)} {n.Unit}" : string.Join(", ", d.Flags),
                    d.Id.ToString(CultureInfo.InvariantCulture));
            }
            host.Console.Ansi().Write(table);
        }));
    }

    /// <summary>
    /// Shows the advice and asks; on yes, stores the dose as evaluated unless the journal changed meanwhile (another
    /// process logged or edited a dose): then the new advice is shown and asked about again. Null when declined.
    /// </summary>
    private static async Task<Outcome<LoggedDose>?> AskAsync(CliHost host, string userId, PendingDose pending, CancellationToken ct)
    {
        var confirm = host.Get<ConfirmDose>();
        for (var round = 0; round < 5; round++)
        {
            AdvicePrinter.Print(host.Console, Features.Guardrails.Advice.Views(pending.Checked.Advisories));
            if (!host.Console.Ansi().Confirm("Log this dose anyway?", defaultValue: false))
            {
                return null;
            }
            switch (await confirm.ConfirmAsync(userId, pending, ct).ConfigureAwait(false))
            {
                case Outcome<Confirmation>.Ok { Value: Confirmation.Logged logged }:
                    return logged.Dose;
                case Outcome<Confirmation>.Ok { Value: Confirmation.Changed changed }:
                    await host.Console.Out.WriteLineAsync("Your journal changed since this advice (a dose was logged, changed or deleted). Nothing was stored; the advice now:").ConfigureAwait(false);
                    pending = changed.Fresh;
                    break;
                case Outcome<Confirmation>.Gone gone:
                    return new Outcome<LoggedDose>.Gone(gone.Title, gone.Detail);
                case Outcome<Confirmation>.Invalid bad:
                    return Outcome<LoggedDose>.Fail(bad.Errors);
                default:
                    return new Outcome<LoggedDose>.NotFound("Product");
            }
        }
        throw new CliException("confirm: the journal kept changing while you were asked; nothing was stored. Run the command again.");
    }

    /// <summary>" (the second 01:30, UTC-05:00)" for a time that happened twice that night, so the stored instant is plain.</summary>
    private static string Which(Instant at, Domain.Time.LocalDays days) => TimeText.Clarify(at, days) is { } w ? $" ({w})" : "";

    /// <summary>Splits "2.5g" into ("2.5", "g") when no separate unit was given.</summary>
    internal static (string Amount, string? Unit) SplitAmount(string amount, string? unit)
    {
        if (unit is not null)
        {
            return (amount, unit);
        }
        var m = AmountWithUnit().Match(amount.Trim());
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value) : (amount, null);
    }

    [GeneratedRegex(@"^([0-9.,]+)\s*([a-zA-Zµ/]+)$")]
    private static partial Regex AmountWithUnit();
}
