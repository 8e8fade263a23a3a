using System.CommandLine;
using System.Globalization;
using NodaTime;
using Spectre.Console;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Domain.Time;
using Wane.Features.CheckIns;
using Wane.Features.Common;

namespace Wane.Cli;

/// <summary><c>wane checkin sows|cows|daily</c>, <c>wane checkins</c>.</summary>
internal static class CheckInCommands
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var answers = new Option<string?>("--answers") { Description = "Item scores in order, separated by commas: 1,0,2,… (otherwise asked item by item on a terminal)" };
        var at = new Option<string?>("--at") { Description = "When, in your time zone (default now)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var checkin = new Command("checkin", "Score withdrawal (SOWS, COWS) or record a daily check-in");
        foreach (var instrument in new[] { Instruments.Sows, Instruments.Cows })
        {
            var name = instrument.Kind == InstrumentKind.Sows ? "sows" : "cows";
            checkin.Add(runtime.Command(name, $"{instrument.Name} ({instrument.Abbreviation}, 0–{instrument.MaxTotal})", [answers, at, json], async (host, parse, ct) =>
            {
                var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
                var takenAt = When(host, user, parse.GetValue(at));
                var scores = parse.GetValue(answers) is { } text ? Parse(text) : Ask(host, instrument);
                Print(host, Result(await host.Get<AddCheckIn>().ScoreAsync(user.Id, name, scores, takenAt, ct).ConfigureAwait(false)), parse.GetValue(json));
            }));
        }
        // Required unless a red flag is given: a red flag alone is saved and its resource shown at once.
        var pain = new Option<int?>("--pain") { Description = "Pain, 0–10 (optional with --red-flag)" };
        var sleep = new Option<int?>("--sleep") { Description = "Sleep quality, 1 (very poor) to 5 (very good) (optional with --red-flag)" };
        var mood = new Option<int?>("--mood") { Description = "Mood, 1 (very low) to 5 (very good) (optional with --red-flag)" };
        var craving = new Option<int?>("--craving") { Description = "Craving, 0–10 (optional with --red-flag)" };
        var note = new Option<string?>("--note") { Description = "A note" };
        var flags = new Option<string[]>("--red-flag") { Description = "self-harm, seizure, fainting, chest-pain, breathing, confusion (severe confusion or heavy sedation), liver (repeat for more)", AllowMultipleArgumentsPerToken = true };
        checkin.Add(runtime.Command("daily", "The daily check-in: pain, sleep, mood, craving, red flags", [pain, sleep, mood, craving, note, flags, at, json], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var takenAt = When(host, user, parse.GetValue(at));
            var draft = new DailyDraft(parse.GetValue(pain), parse.GetValue(sleep), parse.GetValue(mood), parse.GetValue(craving), parse.GetValue(note), parse.GetValue(flags) ?? []);
            var outcome = await host.Get<AddCheckIn>().DailyAsync(user.Id, draft, takenAt, [], ct).ConfigureAwait(false);
            if (outcome is Outcome<CheckInView>.Invalid)
            {
                // Nothing is stored, but a red flag's resource is never held back by a typo elsewhere.
                PrintResources(host, CheckInViews.Resources(draft.RedFlags));
            }
            Print(host, Result(outcome), parse.GetValue(json));
        }));
        root.Add(checkin);

        var from = new Option<string?>("--from") { Description = "First local date (default 29 days before --to)" };
        var to = new Option<string?>("--to") { Description = "Last local date (default today)" };
        root.Add(runtime.Command("checkins", "List check-ins with scores and bands", [from, to, json], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var list = await host.Get<ListCheckIns>().ListAsync(user.Id, parse.GetValue(from), parse.GetValue(to), ct).ConfigureAwait(false) switch
            {
                Outcome<CheckInListView>.Ok ok => ok.Value,
                Outcome<CheckInListView>.Invalid bad => throw new CliException(bad.Errors),
                _ => throw new InvalidOperationException(),
            };
            if (parse.GetValue(json))
            {
                host.WriteJson(list);
                return;
            }
            var table = new Table().AddColumns("Date", "Time", "Check-in", "Score", "Band", "Red flags");
            foreach (var c in list.CheckIns)
            {
                table.AddRow(c.LocalDate, c.LocalTime, c.Instrument.ToUpperInvariant(),
                    c.Score is { } s ? $"{s}/{c.Max}" : c.Daily is { } d ? d.Summary() : "",
                    SafeWriter.Markup(c.Band ?? ""), string.Join(", ", c.RedFlags));
            }
            host.Console.Ansi().Write(table);
        }));
    }

    private static Instant When(CliHost host, Data.Entities.WaneUser user, string? at)
    {
        var now = host.Get<IClock>().GetCurrentInstant();
        if (at is null)
        {
            return now;
        }
        return TimeText.ParseUserTime(at, Features.Accounts.Profile.Days(user), now)
            ?? throw new CliException($"takenAt: use a time like \"2026-11-25 08:30\" or \"08:30\" ({TimeText.RangeText}).");
    }

    private static List<int> Parse(string text)
    {
        var scores = new List<int>();
        var errors = new List<FieldError>();
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (int.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            {
                scores.Add(v);
            }
            else
            {
                errors.Add(new($"answers[{i}]", $"Item {i + 1}: \"{parts[i]}\" is not a whole number."));
            }
        }
        return errors.Count > 0 ? throw new CliException(errors) : scores;
    }

    private static List<int> Ask(CliHost host, Instrument instrument)
    {
        if (!host.Console.Interactive)
        {
            throw new CliException("answers: no terminal to ask on; pass --answers 1,0,2,…");
        }
        var ansi = host.Console.Ansi();
        ansi.MarkupLine($"[bold]{SafeWriter.Markup(instrument.Name)}[/] — {SafeWriter.Markup(instrument.Instructions)}");
        return instrument.Items.Select(item => ansi.Prompt(
            new SelectionPrompt<ItemScore>()
                .Title($"{item.Number}. {SafeWriter.Markup(item.Text)}")
                .UseConverter(s => $"{s.Value} {SafeWriter.Markup(s.Anchor)}")
                .AddChoices(item.Scores)).Value).ToList();
    }

    private static CheckInView Result(Outcome<CheckInView> outcome) => outcome switch
    {
        Outcome<CheckInView>.Ok ok => ok.Value,
        Outcome<CheckInView>.Invalid bad => throw new CliException(bad.Errors),
        _ => throw new InvalidOperationException(),
    };

    private static void Print(CliHost host, CheckInView c, bool json)
    {
        if (json)
        {
            host.WriteJson(c);
            return;
        }
        var ansi = host.Console.Ansi();
        PrintResources(host, c.Resources);
        if (c.Score is { } score)
        {
            var colour = c.Severity switch { "severe" => "red bold", "moderate" => "yellow bold", "mild" => "blue bold", _ => "bold" };
            ansi.MarkupLine($"[{colour}]{SafeWriter.Markup($"{c.Instrument.ToUpperInvariant()} {score}/{c.Max}{(c.Band is null ? "" : $" ({c.Band})")}")}[/] on {c.LocalDate} at {c.LocalTime}.");
            ansi.WriteLine("What you can do now:");
            foreach (var step in c.Guidance)
            {
                ansi.WriteLine($"  - {step.Text}");
            }
            ansi.MarkupLine($"[dim]Source: {SafeWriter.Markup(c.Source ?? "")}. Bands: {SafeWriter.Markup(c.BandSource ?? "")}. {SafeWriter.Markup(c.KratomNote ?? "")}[/]");
        }
        else
        {
            ansi.WriteLine($"Daily check-in recorded on {c.LocalDate} at {c.LocalTime}.");
        }
        if (c.PlanHeld)
        {
            ansi.WriteLine($"Your taper plan waits: {SafeWriter.Escape(c.HoldReason)} (wane plan override to go on anyway).");
        }
    }

    private static void PrintResources(CliHost host, IReadOnlyList<ResourceView> resources)
    {
        var ansi = host.Console.Ansi();
        foreach (var r in resources)
        {
            var reach = r.Contacts.Count == 0 ? "" : $" ({string.Join("; ", r.Contacts.Select(x => x.Label))})";
            ansi.MarkupLine($"[red bold]{SafeWriter.Markup(r.Action)}[/]{SafeWriter.Markup(reach)} — {SafeWriter.Markup(r.Name)}: {SafeWriter.Markup(r.Why)}");
        }
    }
}
