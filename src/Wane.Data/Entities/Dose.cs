using NodaTime;
using Wane.Domain.Journal;
using Wane.Domain.Units;

namespace Wane.Data.Entities;

/// <summary>A dose taken, as recorded, with its normalized amount.</summary>
public class Dose
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public long ProductId { get; set; }
    public Product? Product { get; set; }

    /// <summary>The product's kind when the dose was logged (kept so windows need no join).</summary>
    public ProductKind Kind { get; set; }
    public decimal Amount { get; set; }
    public DoseUnit Unit { get; set; }
    public Instant TakenAt { get; set; }
    public MealTiming? Meal { get; set; }
    public DoseReason? Reason { get; set; }
    public int? PainBefore { get; set; }
    public string? Note { get; set; }
    public Guid? ClientId { get; set; }
    public decimal? NormalizedAmount { get; set; }
    public NormalUnit? NormalizedUnit { get; set; }
    public NormalizationNote? NormalizationNote { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }

    /// <summary>The normalized amount as a value, when there is one.</summary>
    public Normalized? Normalized =>
        NormalizedAmount is { } a && NormalizedUnit is { } u ? new Normalized(a, u) : null;
}
