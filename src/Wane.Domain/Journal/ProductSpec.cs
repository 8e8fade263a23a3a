using Wane.Domain.Opioids;

namespace Wane.Domain.Journal;

/// <summary>What the domain needs to know about a product to check and normalize a dose of it.</summary>
/// <param name="Kind">Kratom, opioid or other.</param>
/// <param name="Form">Physical form.</param>
/// <param name="Opioid">For opioids, which one (CDC 2022 names).</param>
/// <param name="OtherClass">For other products, their class.</param>
/// <param name="GramsPerCapsule">Kratom capsules: grams of product per capsule.</param>
/// <param name="GramsPerTeaspoon">Calibration of a level teaspoon, weighed by the person.</param>
/// <param name="MgPerTablet">Strength per tablet or capsule (opioids and others).</param>
/// <param name="MgPerMl">Strength of a liquid.</param>
/// <param name="Concentrated7OH">A concentrated 7-hydroxymitragynine product (high risk).</param>
public sealed record ProductSpec(
    ProductKind Kind,
    ProductForm Form,
    OpioidName? Opioid = null,
    OtherClass? OtherClass = null,
    decimal? GramsPerCapsule = null,
    decimal? GramsPerTeaspoon = null,
    decimal? MgPerTablet = null,
    decimal? MgPerMl = null,
    bool Concentrated7OH = false);
