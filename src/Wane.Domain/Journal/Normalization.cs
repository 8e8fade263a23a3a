using Wane.Domain.Opioids;
using Wane.Domain.Units;

namespace Wane.Domain.Journal;

/// <summary>
/// Which units fit which product forms, and how a dose becomes grams of kratom product, MME, or mg.
/// Nothing here converts between substances: each kind stays in its own unit.
/// </summary>
public static class Normalization
{
    /// <summary>The units a product of this form can be measured in.</summary>
    public static IReadOnlyList<DoseUnit> UnitsFor(ProductForm form) => form switch
    {
        ProductForm.Powder => [DoseUnit.Gram, DoseUnit.Milligram, DoseUnit.Teaspoon],
        ProductForm.Capsule => [DoseUnit.Capsule, DoseUnit.Gram, DoseUnit.Milligram],
        ProductForm.Tablet => [DoseUnit.Tablet, DoseUnit.Milligram, DoseUnit.Microgram, DoseUnit.Gram],
        ProductForm.Liquid => [DoseUnit.Milliliter, DoseUnit.Milligram, DoseUnit.Microgram],
        ProductForm.Patch => [DoseUnit.MicrogramPerHour],
        ProductForm.Extract => [DoseUnit.Gram, DoseUnit.Milligram, DoseUnit.Microgram, DoseUnit.Milliliter, DoseUnit.Capsule, DoseUnit.Tablet, DoseUnit.Teaspoon],
        _ => [DoseUnit.Gram, DoseUnit.Milligram, DoseUnit.Microgram, DoseUnit.Capsule, DoseUnit.Tablet, DoseUnit.Teaspoon, DoseUnit.Milliliter],
    };

    /// <summary>Whether a unit fits a product.</summary>
    public static bool Fits(ProductSpec product, DoseUnit unit)
    {
        ArgumentNullException.ThrowIfNull(product);
        return UnitsFor(product.Form).Contains(unit);
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
