namespace Wane.Domain.CheckIns;

/// <summary>One item of a withdrawal scale.</summary>
/// <param name="Number">The item's number on the form, from 1.</param>
/// <param name="Text">The item as worded on the form.</param>
/// <param name="Scores">The scores the item allows, lowest first, with their anchors. Only these are valid (COWS items have gaps: pulse has no 3).</param>
public sealed record InstrumentItem(int Number, string Text, IReadOnlyList<ItemScore> Scores)
{
    /// <summary>The highest score the item allows.</summary>
    public int Max => Scores[^1].Value;

    /// <summary>Whether <paramref name="value"/> is one of the scores this item allows.</summary>
    public bool Allows(int value) => Scores.Any(s => s.Value == value);
}
