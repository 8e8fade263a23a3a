using NodaTime;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>S4 — High-risk products.</summary>
internal sealed class S4HighRiskProducts : IGuardrailRule
{
    public RuleDefinition Definition { get; } = new(
        "S4",
        "High-risk products",
        "Any dose of a concentrated 7-OH product (danger)",
        "Concentrated 7-hydroxymitragynine products are far more potent than leaf and are being scheduled as drugs of abuse.",
        RuleSources.SevenOh,
        []);

    public Duration LookBack(RuleSetting setting) => Duration.Zero;

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now) => [];
}
