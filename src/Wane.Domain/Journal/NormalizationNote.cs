namespace Wane.Domain.Journal;

/// <summary>Why a dose has no normalized amount (it is recorded, but not counted in totals).</summary>
public enum NormalizationNote
{
    /// <summary>A volume or count (teaspoon, capsule, tablet, ml) with no weight or strength set on the product.</summary>
    Uncalibrated,
    /// <summary>CDC 2022 gives fentanyl a factor only for transdermal patches (per mcg/h).</summary>
    NoMmeFactor,
    /// <summary>A patch of a non-opioid product: there is no common unit to total it in.</summary>
    NotTotalled,
}
