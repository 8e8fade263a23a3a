using NodaTime;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>S1 — Dangerous combinations.</summary>
internal sealed class S1DangerousCombinations : IGuardrailRule
{
    public RuleDefinition Definition { get; } = new(
        "S1",
        "Dangerous combinations",
        "A kratom or opioid dose within the window of a logged CNS depressant (alcohol, benzodiazepine, gabapentinoid, another opioid), or the other way round (danger)",
        "Together they add up in sedation and slowed breathing, which can be fatal.",
        RuleSources.Interactions,
        [new("hours", "h", 12m, 1m, 48m, "Hours either side in which two depressants count as combined")]);

    public Duration LookBack(RuleSetting setting) => Duration.FromHours((double)setting["hours"]);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now) => [];
}
