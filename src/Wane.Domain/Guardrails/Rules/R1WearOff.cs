using NodaTime;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>R1 — Use only when needed; let effects wear off.</summary>
internal sealed class R1WearOff : IGuardrailRule
{
    /// <summary>Hours a kratom dose takes to wear off (upper bound of reported 2–6 h).</summary>
    internal static readonly ParameterDefinition Interval = new("interval", "h", 6m, 1m, 24m, "Hours a kratom dose takes to wear off (upper bound of reported 2–6 h)");
    /// <summary>Pain at or below this (0–10) is noted when a dose is taken for pain.</summary>
    internal static readonly ParameterDefinition PainThreshold = new("painThreshold", "score", 3m, 0m, 10m, "Pain at or below this (0–10) is noted when a dose is taken for pain");

    public RuleDefinition Definition { get; } = new(
        "R1",
        "Use only when needed; let effects wear off",
        "A kratom dose earlier than the wear-off interval after the last one (caution); a dose for pain at or below the pain threshold (info)",
        "Re-dosing before the last dose has worn off stacks doses and builds tolerance and dependence faster.",
        RuleSources.Duration,
        [Interval, PainThreshold]);

    public Duration LookBack(RuleSetting setting) => Spans.Hours(setting[Interval]);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        // The method's rules are about kratom; an opioid's timing is its prescriber's or label's business.
        if (candidate.Kind != ProductKind.Kratom)
        {
            yield break;
        }
        var interval = LookBack(setting);
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var last = history[i];
            if (last.Kind != ProductKind.Kratom)
            {
                continue;
            }
            // Real elapsed time between instants: across a fall-back change 01:30 and 01:30 are an hour apart.
            var since = candidate.TakenAt - last.TakenAt;
            if (since < interval)
            {
                var wearsOff = last.TakenAt + interval;
                var at = RuleText.When(context.Days, last.TakenAt, candidate.TakenAt);
                var off = RuleText.When(context.Days, wearsOff, candidate.TakenAt);
                yield return new Advisory(
                    Definition.Id,
                    AdvisoryLevel.Caution,
                    "The last dose may still be working",
                    $"Your last kratom dose was at {at}, {RuleText.Elapsed(since)} before this one. With a wear-off time of {RuleText.Number(setting[Interval])} h it wears off at {off}.",
                    Definition.Why,
                    Definition.Source,
                    $"If you can, wait until {off} and see whether you still need a dose.");
            }
            break;
        }
        if (candidate.Reason == DoseReason.Pain && candidate.PainBefore is { } pain && pain <= setting[PainThreshold])
        {
            yield return new Advisory(
                Definition.Id,
                AdvisoryLevel.Info,
                "Mild pain",
                $"You logged pain at {RuleText.Number(pain)}/10 before this dose, at or below your threshold of {RuleText.Number(setting[PainThreshold])}/10.",
                "The method's first rule is to take a dose only when it is needed; every dose taken adds to tolerance and dependence.",
                Definition.Source,
                "Consider waiting to see whether it eases, or trying something that is not a dose first: rest, heat or cold, stretching or a walk.");
        }
    }
}
