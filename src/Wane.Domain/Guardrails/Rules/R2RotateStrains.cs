using NodaTime;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>R2 — Rotate strains.</summary>
internal sealed class R2RotateStrains : IGuardrailRule
{
    /// <summary>Doses in a row of the same strain.</summary>
    internal static readonly ParameterDefinition Doses = new("doses", "count", 3m, 2m, 20m, "Doses in a row of the same strain");
    /// <summary>Days in a row with the same strain.</summary>
    internal static readonly ParameterDefinition Days = new("days", "d", 7m, 2m, 30m, "Days in a row with the same strain");

    public RuleDefinition Definition { get; } = new(
        "R2",
        "Rotate strains",
        "The same strain for the last N doses in a row, or on each of the last D days (info), with the least recently used strain in stock as a suggestion",
        "The method rotates strains to slow tolerance to one alkaloid profile; this is community practice, not tested.",
        RuleSources.Method,
        [Doses, Days]);

    public Duration LookBack(RuleSetting setting) => Spans.Days(setting[Days] + 1);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        if (candidate.Kind != ProductKind.Kratom || string.IsNullOrWhiteSpace(candidate.Strain))
        {
            yield break;
        }
        var strain = candidate.Strain.Trim();
        var doses = Spans.Whole(setting[Doses]);
        var days = Spans.Whole(setting[Days]);
        var inARow = DosesInARow(history, strain, doses);
        var onEachDay = SameStrainEachDay(context, history, candidate, strain, days);
        if (inARow < doses && !onEachDay)
        {
            yield break;
        }
        var found = (inARow >= doses, onEachDay) switch
        {
            (true, true) => $"This would make {RuleText.Number(inARow)} doses of {strain} in a row, and you have taken only {strain} on each of the last {RuleText.Number(days)} days.",
            (true, false) => $"This would make {RuleText.Number(inARow)} doses of {strain} in a row.",
            _ => $"You have taken only {strain} on each of the last {RuleText.Number(days)} days, counting this dose.",
        };
        var other = StrainRotation.Suggest(context.Stock, history, strain);
        yield return new Advisory(
            Definition.Id,
            AdvisoryLevel.Info,
            "Time to rotate strains",
            found,
            Definition.Why,
            Definition.Source,
            other is not null
                ? $"Rotate to {other}: of the strains in stock, it is the one you have used least recently."
                : "No other strain is in stock. Add another strain to your products to rotate to.");
    }

    /// <summary>How many kratom doses in a row, ending with the candidate, are of this strain (at most <paramref name="enough"/>).</summary>
    private static int DosesInARow(IReadOnlyList<DoseFact> history, string strain, int enough)
    {
        var run = 1;
        for (var i = history.Count - 1; i >= 0 && run < enough; i--)
        {
            var d = history[i];
            if (d.Kind != ProductKind.Kratom)
            {
                continue;
            }
            // A dose with no strain recorded breaks the run: it cannot be said to be the same.
            if (!RuleText.SameName(d.Strain, strain))
            {
                break;
            }
            run++;
        }
        return run;
    }

    /// <summary>Whether each of the last <paramref name="days"/> local days (the candidate's included) had kratom of this strain only.</summary>
    private static bool SameStrainEachDay(GuardrailContext context, IReadOnlyList<DoseFact> history, DoseFact candidate, string strain, int days)
    {
        var lastDay = context.Days.DayOf(candidate.TakenAt);
        var firstDay = lastDay.PlusDays(-(days - 1));
        var start = context.Days.StartOf(firstDay);
        var onlyThis = new Dictionary<LocalDate, bool> { [lastDay] = true };
        for (var i = history.Count - 1; i >= 0 && history[i].TakenAt >= start; i--)
        {
            var d = history[i];
            if (d.Kind != ProductKind.Kratom)
            {
                continue;
            }
            var day = context.Days.DayOf(d.TakenAt);
            if (day < firstDay)
            {
                continue;
            }
            var same = RuleText.SameName(d.Strain, strain);
            onlyThis[day] = (!onlyThis.TryGetValue(day, out var so) || so) && same;
        }
        return onlyThis.Count == days && onlyThis.Values.All(v => v);
    }
}
