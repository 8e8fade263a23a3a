using NodaTime;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>R2 — Rotate strains.</summary>
internal sealed class R2RotateStrains : IGuardrailRule
{
    public RuleDefinition Definition { get; } = new(
        "R2",
        "Rotate strains",
        "The same strain for the last N doses in a row, or on each of the last D days (info), with the least recently used strain in stock as a suggestion",
        "The method rotates strains to slow tolerance to one alkaloid profile; this is community practice, not tested.",
        RuleSources.Method,
        [new("doses", "count", 3m, 2m, 20m, "Doses in a row of the same strain"), new("days", "d", 7m, 2m, 30m, "Days in a row with the same strain")]);

    public Duration LookBack(RuleSetting setting) => Duration.FromDays((double)setting["days"] + 1);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now) => [];
}
