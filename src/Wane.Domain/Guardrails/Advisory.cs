namespace Wane.Domain.Guardrails;

/// <summary>Advice about a dose from one rule: what, why, where the facts come from, and what to do instead.</summary>
/// <param name="Rule">The rule's id ("R1"…"R5", "S1"…"S5").</param>
/// <param name="Level">Info, caution or danger.</param>
/// <param name="Title">A short headline.</param>
/// <param name="Message">What was found, with the person's own numbers.</param>
/// <param name="Why">Why it matters.</param>
/// <param name="Source">Where the facts behind the rule come from. Never empty.</param>
/// <param name="Suggestion">What the person could do instead, when there is something useful to say.</param>
/// <param name="Resources">The resources to show with it (emergency services, naloxone).</param>
public sealed record Advisory(string Rule, AdvisoryLevel Level, string Title, string Message, string Why, Source Source, string? Suggestion = null, AdvisoryResources Resources = AdvisoryResources.None);
