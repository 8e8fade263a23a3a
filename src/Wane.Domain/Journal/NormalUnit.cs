namespace Wane.Domain.Journal;

/// <summary>The unit doses of one kind are totalled in.</summary>
public enum NormalUnit
{
    /// <summary>Grams of product (kratom).</summary>
    Grams,
    /// <summary>Morphine milligram equivalents (opioids, CDC 2022 factors).</summary>
    Mme,
    /// <summary>Milligrams of product (other products with a known strength).</summary>
    Milligrams,
}
