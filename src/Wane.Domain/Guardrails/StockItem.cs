namespace Wane.Domain.Guardrails;

/// <summary>A product in the person's stash, for suggesting a strain to rotate to (R2).</summary>
public sealed record StockItem(long ProductId, string Name, string? Strain, bool InStock);
