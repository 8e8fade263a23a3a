namespace Wane.Domain.CheckIns;

/// <summary>One score an item allows, with the words that anchor it on the form.</summary>
/// <param name="Value">The score.</param>
/// <param name="Anchor">What the score means, as worded on the form (e.g. "moderately dilated").</param>
public sealed record ItemScore(int Value, string Anchor);
