using Wane.Domain.Opioids;
using Wane.Domain.Units;

namespace Wane.Domain.Journal;

/// <summary>
/// Which units fit which product forms, and how a dose becomes grams of kratom product, MME, or mg.
/// Nothing here converts between substances: each kind stays in its own unit.
/// </summary>
public static class Normalization
{
    /// <summary>
    /// The units a dose of this product can be measured in, first the one most people use. Decided by
    /// the form and, where the form allows more than one way of counting, by the strengths the product
    /// records: a 5 mg tablet is counted in tablets or mg of the drug, never in grams of tablet (which
    /// would read "1 g" as 1,000 mg of oxycodone).
    /// </summary>
    public static IReadOnlyList<DoseUnit> UnitsFor(ProductSpec product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var units = new List<DoseUnit>();
        void Add(DoseUnit u, bool when = true)
        {
            if (when && !units.Contains(u))
            {
                units.Add(u);
            }
        }
        var kratom = product.Kind == ProductKind.Kratom;
        var other = product.Kind == ProductKind.Other;
        switch (product.Form)
        {
            case ProductForm.Powder:
                Add(DoseUnit.Gram);
                Add(DoseUnit.Teaspoon);
                Add(DoseUnit.Milligram, !kratom);
                break;
            case ProductForm.Capsule:
                Add(DoseUnit.Capsule);
                Add(DoseUnit.Gram, kratom || other || product.GramsPerCapsule is not null);
                Add(DoseUnit.Milligram, !kratom || product.MgPerTablet is not null);
                break;
            case ProductForm.Tablet:
                Add(DoseUnit.Tablet);
                Add(DoseUnit.Milligram);
                break;
            case ProductForm.Liquid:
                Add(DoseUnit.Milliliter);
                Add(DoseUnit.Milligram);
                break;
            case ProductForm.Patch:
                Add(DoseUnit.MicrogramPerHour);
                break;
            default:
                // Extracts and anything else: by mass, plus each way of counting the product records a strength for.
                Add(DoseUnit.Gram);
                Add(DoseUnit.Milligram);
                Add(DoseUnit.Microgram, !kratom);
                Add(DoseUnit.Milliliter, product.Form == ProductForm.Other || product.MgPerMl is not null || product.Form == ProductForm.Extract);
                Add(DoseUnit.Capsule, product.GramsPerCapsule is not null || product.MgPerTablet is not null || product.Form == ProductForm.Other);
                Add(DoseUnit.Tablet, product.MgPerTablet is not null || product.Form == ProductForm.Other);
                Add(DoseUnit.Teaspoon, product.GramsPerTeaspoon is not null || product.Form == ProductForm.Other);
                break;
        }
        return units;
    }

    /// <summary>Whether a unit fits a product.</summary>
    public static bool Fits(ProductSpec product, DoseUnit unit)
    {
        ArgumentNullException.ThrowIfNull(product);
        return UnitsFor(product).Contains(unit);
    }

    /// <summary>
    /// The dose in its kind's common unit, or null with the reason it cannot be totalled.
    /// The unit must fit the product (<see cref="Fits"/>).
    /// </summary>
    public static (Normalized? Value, NormalizationNote? Note) Normalize(ProductSpec product, Amount amount)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (!Fits(product, amount.Unit))
        {
            throw new ArgumentException($"{amount.Unit} does not fit a {product.Form} product.", nameof(amount));
        }
        return product.Kind switch
        {
            ProductKind.Kratom => Grams(product, amount),
            ProductKind.Opioid => Mme(product, amount),
            _ => Milligrams(product, amount),
        };
    }

    private static (Normalized?, NormalizationNote?) Grams(ProductSpec p, Amount a)
    {
        decimal? grams = a.Unit switch
        {
            DoseUnit.Gram => a.Value,
            DoseUnit.Milligram => a.Value / 1_000m,
            DoseUnit.Microgram => a.Value / 1_000_000m,
            DoseUnit.Capsule => a.Value * p.GramsPerCapsule ?? a.Value * p.MgPerTablet / 1_000m,
            DoseUnit.Tablet => a.Value * p.MgPerTablet / 1_000m,
            DoseUnit.Teaspoon => a.Value * p.GramsPerTeaspoon,
            DoseUnit.Milliliter => a.Value * p.MgPerMl / 1_000m,
            _ => null,
        };
        return grams is { } g ? (new Normalized(Round(g), NormalUnit.Grams), null) : (null, NormalizationNote.Uncalibrated);
    }

    private static (Normalized?, NormalizationNote?) Mme(ProductSpec p, Amount a)
    {
        var opioid = p.Opioid ?? throw new ArgumentException("An opioid product must name its opioid.", nameof(p));
        if (opioid == OpioidName.Fentanyl)
        {
            return a.Unit == DoseUnit.MicrogramPerHour
                ? (new Normalized(Round(a.Value * MmeFactors.Factor(opioid)), NormalUnit.Mme), null)
                : (null, NormalizationNote.NoMmeFactor);
        }
        var mg = MgOfSubstance(p, a);
        return mg is { } m
            ? (new Normalized(Round(m * MmeFactors.Factor(opioid)), NormalUnit.Mme), null)
            : (null, NormalizationNote.Uncalibrated);
    }

    private static (Normalized?, NormalizationNote?) Milligrams(ProductSpec p, Amount a)
    {
        if (a.Unit == DoseUnit.MicrogramPerHour)
        {
            return (null, NormalizationNote.NotTotalled);
        }
        var mg = a.Unit == DoseUnit.Teaspoon ? a.Value * p.GramsPerTeaspoon * 1_000m : MgOfSubstance(p, a);
        return mg is { } m ? (new Normalized(Round(m), NormalUnit.Milligrams), null) : (null, NormalizationNote.Uncalibrated);
    }

    private static decimal? MgOfSubstance(ProductSpec p, Amount a) => a.Unit switch
    {
        DoseUnit.Gram => a.Value * 1_000m,
        DoseUnit.Milligram => a.Value,
        DoseUnit.Microgram => a.Value / 1_000m,
        DoseUnit.Capsule or DoseUnit.Tablet => a.Value * p.MgPerTablet,
        DoseUnit.Milliliter => a.Value * p.MgPerMl,
        _ => null,
    };

    private static decimal Round(decimal d) => Math.Round(d, 4, MidpointRounding.ToEven);
}
