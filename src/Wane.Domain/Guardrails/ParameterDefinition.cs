namespace Wane.Domain.Guardrails;

/// <summary>One setting of a rule, with its unit, default and valid range (inclusive).</summary>
/// <param name="Key">camelCase key, as in "R1.interval".</param>
/// <param name="Unit">"h" hours, "d" days, "%" percent, "count", "score" (0–10), "g" grams, "MME".</param>
/// <param name="Default">The default value.</param>
/// <param name="Min">Smallest valid value.</param>
/// <param name="Max">Largest valid value.</param>
/// <param name="Description">What it controls.</param>
public sealed record ParameterDefinition(string Key, string Unit, decimal Default, decimal Min, decimal Max, string Description);
