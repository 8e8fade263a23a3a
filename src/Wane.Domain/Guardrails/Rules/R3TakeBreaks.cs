using NodaTime;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>R3 — Take regular breaks.</summary>
internal sealed class R3TakeBreaks : IGuardrailRule
{
    public RuleDefinition Definition { get; } = new(
        "R3",
        "Take regular breaks",
        "No kratom-free local day in the last N days (caution; info with an active taper plan); a dose on a scheduled break day (caution)",
        "Breaks let tolerance fall. With an active taper plan a sudden break is a withdrawal; the plan is the safer path.",
        RuleSources.Tolerance,
        [new("days", "d", 30m, 7m, 90m, "Days to look back for a kratom-free day")]);

    public Duration LookBack(RuleSetting setting) => Duration.FromDays((double)setting["days"] + 1);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now) => [];
}
