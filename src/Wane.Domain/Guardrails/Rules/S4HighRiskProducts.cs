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

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        if (!candidate.Concentrated7OH)
        {
            yield break;
        }
        yield return new Advisory(
            Definition.Id,
            AdvisoryLevel.Danger,
            "High-risk product: concentrated 7-OH",
            "This product is marked as a concentrated 7-OH (7-hydroxymitragynine) product: tablets, shots or extracts far more potent than kratom leaf.",
            Definition.Why,
            Definition.Source,
            "Avoid concentrated 7-OH products. If you do take one: take a small amount, don't use alone, have naloxone at hand, and don't combine it with alcohol, benzodiazepines or opioids.",
            S1DangerousCombinations.Overdose);
    }
}
