namespace Wane.Domain.Tapering;

/// <summary>
/// The unit a taper phase is planned in. Wane never converts between units or substances: the
/// person (or their clinician) enters the amounts in the unit they measure.
/// </summary>
public enum PlanUnit
{
    /// <summary>Grams of kratom.</summary>
    Grams,
    /// <summary>Morphine milligram equivalents per day of an opioid (CDC 2022 factors; for comparing exposure, never for converting).</summary>
    Mme,
    /// <summary>Milligrams of the named opioid itself.</summary>
    Milligrams,
}
