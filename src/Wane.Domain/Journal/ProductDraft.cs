namespace Wane.Domain.Journal;

/// <summary>A product as a person entered it, before validation. Strings are wire names.</summary>
public sealed record ProductDraft(
    string? Name,
    string? Kind,
    string? Strain,
    string? Form,
    string? Opioid,
    string? OtherClass,
    decimal? GramsPerCapsule,
    decimal? GramsPerTeaspoon,
    decimal? MgPerTablet,
    decimal? MgPerMl,
    bool Concentrated7OH,
    bool InStock,
    string? Batch);
