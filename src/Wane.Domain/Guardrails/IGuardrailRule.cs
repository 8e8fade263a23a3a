using NodaTime;

namespace Wane.Domain.Guardrails;

/// <summary>One rule: pure, deterministic, given the window of history it declares.</summary>
public interface IGuardrailRule
{
    /// <summary>The rule's id, name, source and settings.</summary>
    RuleDefinition Definition { get; }

    /// <summary>How far before the candidate dose this rule needs to see, with these settings.</summary>
    Duration LookBack(RuleSetting setting);

    /// <summary>
    /// The advisories for the candidate. <paramref name="history"/> holds only doses inside this
    /// rule's look-back, before the candidate, sorted ascending.
    /// </summary>
    IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now);
}
