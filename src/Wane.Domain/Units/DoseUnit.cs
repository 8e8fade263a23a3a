namespace Wane.Domain.Units;

/// <summary>The unit a dose was measured in, as the person measured it.</summary>
public enum DoseUnit
{
    /// <summary>Grams.</summary>
    Gram,
    /// <summary>Milligrams.</summary>
    Milligram,
    /// <summary>Micrograms.</summary>
    Microgram,
    /// <summary>Capsules (needs the product's grams or mg per capsule to be weighed).</summary>
    Capsule,
    /// <summary>Tablets (needs the product's mg per tablet).</summary>
    Tablet,
    /// <summary>Teaspoons (a volume: needs the product's grams per teaspoon).</summary>
    Teaspoon,
    /// <summary>Millilitres (needs the product's mg per ml).</summary>
    Milliliter,
    /// <summary>Micrograms per hour, the strength of a transdermal patch.</summary>
    MicrogramPerHour,
}
