using NodaTime;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>S3 — Lost tolerance.</summary>
internal sealed class S3LostTolerance : IGuardrailRule
{
    public RuleDefinition Definition { get; } = new(
        "S3",
        "Lost tolerance",
        "After a pause of several days, a dose at or above the former usual daily amount (opioids: danger, with naloxone; kratom: caution)",
        "Tolerance falls during a pause; returning to a former amount can cause an overdose.",
        RuleSources.LostTolerance,
        [new("pauseDays", "d", 3m, 1m, 30m, "Days without the substance that count as a pause"), new("memoryDays", "d", 120m, 30m, 365m, "How far back former use is looked for")]);

    public Duration LookBack(RuleSetting setting) => Duration.FromDays((double)setting["memoryDays"]);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now) => [];
}
