namespace Wane.Domain.CheckIns;

/// <summary>One thing a person can do now, for a withdrawal score's band, with its source.</summary>
/// <param name="Text">Plain words, the action first. Never a dose.</param>
/// <param name="Source">Where the fact behind it comes from.</param>
public sealed record CareStep(string Text, Source Source);
