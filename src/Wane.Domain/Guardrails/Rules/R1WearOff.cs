using NodaTime;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>R1 — Use only when needed; let effects wear off.</summary>
internal sealed class R1WearOff : IGuardrailRule
{
    public RuleDefinition Definition { get; } = new(
        "R1",
        "Use only when needed; let effects wear off",
        "A kratom dose earlier than the wear-off interval after the last one (caution); a dose for pain at or below the pain threshold (info)",
        "Re-dosing before the last dose has worn off stacks doses and builds tolerance and dependence faster.",
        RuleSources.Duration,
        [new("interval", "h", 6m, 1m, 24m, "Hours a kratom dose takes to wear off (upper bound of reported 2–6 h)"), new("painThreshold", "score", 3m, 0m, 10m, "Pain at or below this (0–10) is noted when a dose is taken for pain")]);

    public Duration LookBack(RuleSetting setting) => Duration.FromHours((double)setting["interval"]);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now) => [];
}
