namespace Wane.Domain.Journal;

/// <summary>What a product is, which decides how its doses are measured and totalled.</summary>
public enum ProductKind
{
    /// <summary>Kratom leaf or extract; totalled in grams of product.</summary>
    Kratom,
    /// <summary>An opioid; totalled in morphine milligram equivalents (CDC 2022).</summary>
    Opioid,
    /// <summary>Anything else worth recording (alcohol, a benzodiazepine…); totalled in mg where the strength is known.</summary>
    Other,
}
