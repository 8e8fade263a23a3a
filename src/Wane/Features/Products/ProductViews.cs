using System.ComponentModel.DataAnnotations;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using Wane.Domain.Time;
using Wane.Features.Common;

namespace Wane.Features.Products;

/// <summary>A product as the API takes it. Strings are wire names (see the OpenAPI description).</summary>
public sealed record ProductBody(
    [property: Required] string? Name,
    [property: Required, OneOf(typeof(ProductKind))] string? Kind,
    string? Strain,
    [property: Required, OneOf(typeof(ProductForm))] string? Form,
    [property: OneOf(typeof(OpioidName))] string? Opioid,
    [property: OneOf(typeof(OtherClass))] string? OtherClass,
    decimal? GramsPerCapsule,
    decimal? GramsPerTeaspoon,
    decimal? MgPerTablet,
    decimal? MgPerMl,
    bool? Concentrated7OH,
    bool? InStock,
    string? Batch)
{
    internal ProductDraft ToDraft() => new(Name, Kind, Strain, Form, Opioid, OtherClass, GramsPerCapsule, GramsPerTeaspoon,
        MgPerTablet, MgPerMl, Concentrated7OH ?? false, InStock ?? true, Batch);
}

/// <summary>A product as the API returns it.</summary>
public sealed record ProductView(
    long Id,
    string Name,
    string Kind,
    string? Strain,
    string Form,
    string? Opioid,
    string? OtherClass,
    decimal? GramsPerCapsule,
    decimal? GramsPerTeaspoon,
    decimal? MgPerTablet,
    decimal? MgPerMl,
    bool Concentrated7OH,
    bool InStock,
    string? Batch,
    bool Archived,
    IReadOnlyList<string> Units,
    IReadOnlyList<FavouriteView> Favourites,
    string CreatedAt,
    string UpdatedAt)
{
    internal static ProductView From(Product p) => new(
        p.Id, p.Name, WireName.Of(p.Kind), p.Strain, WireName.Of(p.Form),
        p.Opioid is { } o ? WireName.Of(o) : null,
        p.OtherClass is { } c ? WireName.Of(c) : null,
        p.GramsPerCapsule, p.GramsPerTeaspoon, p.MgPerTablet, p.MgPerMl, p.Concentrated7OH, p.InStock, p.Batch, p.ArchivedAt is not null,
        Normalization.UnitsFor(p.Spec).Select(u => Domain.Units.DoseUnits.Name(u)).ToArray(),
        FavouriteView.Of(p),
        TimeText.Format(p.CreatedAt), TimeText.Format(p.UpdatedAt));
}
