namespace Wane.Domain.Guardrails;

/// <summary>What a rule is: its id, name, what it checks, why, its source and its settings.</summary>
public sealed record RuleDefinition(
    string Id,
    string Name,
    string Checks,
    string Why,
    Source Source,
    IReadOnlyList<ParameterDefinition> Parameters);
