namespace Wane.Domain.Journal;

/// <summary>A product that passed <see cref="ProductRules.Validate"/>.</summary>
public sealed record ValidProduct(string Name, string? Strain, string? Batch, bool InStock, ProductSpec Spec);
