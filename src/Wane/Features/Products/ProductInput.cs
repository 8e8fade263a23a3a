using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Units;

namespace Wane.Features.Products;

/// <summary>The product form's fields, as typed (numbers are parsed with a decimal point only).</summary>
public sealed class ProductInput
{
    public string? Name { get; set; }
    public string? Kind { get; set; } = "kratom";
    public string? Strain { get; set; }
    public string? Form { get; set; } = "powder";
    public string? Opioid { get; set; }
    public string? OtherClass { get; set; }
    public string? GramsPerCapsule { get; set; }
    public string? GramsPerTeaspoon { get; set; }
    public string? MgPerTablet { get; set; }
    public string? MgPerMl { get; set; }
    public bool Concentrated7OH { get; set; }
    public bool InStock { get; set; } = true;
    public string? Batch { get; set; }

    internal (ProductDraft Draft, List<FieldError> Errors) ToDraft()
    {
        var errors = new List<FieldError>();
        var draft = new ProductDraft(Name, Kind, Strain, Form, Opioid, OtherClass,
            Number(GramsPerCapsule, "gramsPerCapsule", errors), Number(GramsPerTeaspoon, "gramsPerTeaspoon", errors),
            Number(MgPerTablet, "mgPerTablet", errors), Number(MgPerMl, "mgPerMl", errors),
            Concentrated7OH, InStock, Batch);
        return (draft, errors);
    }

    internal static ProductInput From(Product p) => new()
    {
        Name = p.Name,
        Kind = WireName.Of(p.Kind),
        Strain = p.Strain,
        Form = WireName.Of(p.Form),
        Opioid = p.Opioid is { } o ? WireName.Of(o) : null,
        OtherClass = p.OtherClass is { } c ? WireName.Of(c) : null,
        GramsPerCapsule = Common.Fmt.Num(p.GramsPerCapsule),
        GramsPerTeaspoon = Common.Fmt.Num(p.GramsPerTeaspoon),
        MgPerTablet = Common.Fmt.Num(p.MgPerTablet),
        MgPerMl = Common.Fmt.Num(p.MgPerMl),
        Concentrated7OH = p.Concentrated7OH,
        InStock = p.InStock,
        Batch = p.Batch,
    };

    private static decimal? Number(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (AmountText.TryParse(text, out var value, out var error))
        {
            return value;
        }
        errors.Add(new(field, error!));
        return null;
    }
}
