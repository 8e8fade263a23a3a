using NodaTime;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>R5 — Dose before meals, not after.</summary>
internal sealed class R5BeforeMeals : IGuardrailRule
{
    /// <summary>Hours after an after-meal dose in which another dose counts as chasing.</summary>
    internal static readonly ParameterDefinition Window = new("window", "h", 6m, 1m, 24m, "Hours after an after-meal dose in which another dose counts as chasing");

    public RuleDefinition Definition { get; } = new(
        "R5",
        "Dose before meals, not after",
        "A dose marked after a large meal (info); another dose inside the window after such a dose, chasing a weak effect (caution)",
        "Food slows and blunts the effect, which invites a second dose that then adds up.",
        RuleSources.Method,
        [Window]);

    public Duration LookBack(RuleSetting setting) => Spans.Hours(setting[Window]);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        if (candidate.Kind is not (ProductKind.Kratom or ProductKind.Opioid))
        {
            yield break;
        }
        var kind = RuleText.KindName(candidate.Kind);
        if (candidate.Meal == MealTiming.AfterLarge)
        {
            yield return new Advisory(
                Definition.Id,
                AdvisoryLevel.Info,
                "Taken after a large meal",
                $"This {kind} dose is marked as taken after a large meal; the effect may come later and feel weaker.",
                Definition.Why,
                Definition.Source,
                candidate.Kind == ProductKind.Kratom
                    ? "The method doses before meals. Give this dose time before deciding on another."
                    : "If your prescriber or the label says to take it with food, follow that. Either way, give this dose time before taking another.");
        }
        var window = LookBack(setting);
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var d = history[i];
            var since = candidate.TakenAt - d.TakenAt;
            if (since >= window)
            {
                break;
            }
            if (d.Kind == candidate.Kind && d.Meal == MealTiming.AfterLarge)
            {
                yield return new Advisory(
                    Definition.Id,
                    AdvisoryLevel.Caution,
                    "Chasing a weak effect?",
                    $"Your {kind} dose at {RuleText.When(context.Days, d.TakenAt, candidate.TakenAt)} was taken after a large meal, {RuleText.Elapsed(since)} before this one; it may still be taking effect.",
                    "Food slows the effect of a dose; a second dose taken to make up for it adds up with the first once both are absorbed.",
                    Definition.Source,
                    "Wait for the earlier dose to take its full effect before taking more.");
                yield break;
            }
        }
    }
}
