using NodaTime;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>R5 — Dose before meals, not after.</summary>
internal sealed class R5BeforeMeals : IGuardrailRule
{
    public RuleDefinition Definition { get; } = new(
        "R5",
        "Dose before meals, not after",
        "A dose marked after a large meal (info); another dose inside the window after such a dose, chasing a weak effect (caution)",
        "Food slows and blunts the effect, which invites a second dose that then adds up.",
        RuleSources.Method,
        [new("window", "h", 6m, 1m, 24m, "Hours after an after-meal dose in which another dose counts as chasing")]);

    public Duration LookBack(RuleSetting setting) => Duration.FromHours((double)setting["window"]);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now) => [];
}
