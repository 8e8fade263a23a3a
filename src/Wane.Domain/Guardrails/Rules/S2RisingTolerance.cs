using NodaTime;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>S2 — Rising tolerance.</summary>
internal sealed class S2RisingTolerance : IGuardrailRule
{
    public RuleDefinition Definition { get; } = new(
        "S2",
        "Rising tolerance",
        "The last days' daily average at least the set percentage above the daily average of the weeks before (caution)",
        "A rising daily amount is the usual sign of growing tolerance and dependence.",
        RuleSources.Tolerance,
        [new("recentDays", "d", 7m, 3m, 14m, "Recent days averaged"), new("baselineDays", "d", 28m, 14m, 90m, "Earlier days averaged for comparison"), new("rise", "%", 20m, 5m, 100m, "Rise that counts as rising tolerance")]);

    public Duration LookBack(RuleSetting setting) => Duration.FromDays((double)(setting["recentDays"] + setting["baselineDays"]) + 1);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now) => [];
}
