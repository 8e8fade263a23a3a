using NodaTime;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;

namespace Wane.Data.Entities;

/// <summary>A product in a person's stash.</summary>
public class Product
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public ProductKind Kind { get; set; }
    public string? Strain { get; set; }
    public ProductForm Form { get; set; }
    public OpioidName? Opioid { get; set; }
    public OtherClass? OtherClass { get; set; }
    public decimal? GramsPerCapsule { get; set; }
    public decimal? GramsPerTeaspoon { get; set; }
    public decimal? MgPerTablet { get; set; }
    public decimal? MgPerMl { get; set; }
    public bool Concentrated7OH { get; set; }
    public bool InStock { get; set; } = true;
    public string? Batch { get; set; }

    /// <summary>Favourite amounts for one-tap logging, as <c>FavouriteAmounts</c> stores them ("2 g;3 g").</summary>
    public string? Favourites { get; set; }
    /// <summary>When the person archived it (it leaves the log form; its doses stay); null while in use.</summary>
    public Instant? ArchivedAt { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }

    /// <summary>The domain's view of this product.</summary>
    public ProductSpec Spec => new(Kind, Form, Opioid, OtherClass, GramsPerCapsule, GramsPerTeaspoon, MgPerTablet, MgPerMl, Concentrated7OH);
}
