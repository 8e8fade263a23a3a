namespace Wane.Domain.CheckIns;

/// <summary>
/// How severe a band of a withdrawal scale is, for showing it with matching words and colour
/// and for choosing what to suggest (<see cref="BandGuidance"/>). Wire names: "none", "mild",
/// "moderate", "severe".
/// </summary>
public enum Severity
{
    /// <summary>No withdrawal on the scale (SOWS 0), or below its lowest band (COWS 0–4).</summary>
    None,
    /// <summary>The mild band.</summary>
    Mild,
    /// <summary>The moderate band.</summary>
    Moderate,
    /// <summary>The severe bands (COWS "moderately severe" and "severe", SOWS "severe").</summary>
    Severe,
}
