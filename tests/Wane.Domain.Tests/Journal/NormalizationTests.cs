using Shouldly;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using Wane.Domain.Units;

namespace Wane.Domain.Tests.Journal;

public class NormalizationTests
{
    private static readonly ProductSpec KratomPowder = new(ProductKind.Kratom, ProductForm.Powder, GramsPerTeaspoon: 2.5m);
    private static readonly ProductSpec KratomPowderUncalibrated = new(ProductKind.Kratom, ProductForm.Powder);
    private static readonly ProductSpec KratomCapsules = new(ProductKind.Kratom, ProductForm.Capsule, GramsPerCapsule: 0.5m);

    public static TheoryData<ProductSpec, decimal, DoseUnit, decimal, NormalUnit> Normalized => new()
    {
        { KratomPowder, 3m, DoseUnit.Gram, 3m, NormalUnit.Grams },
        { new(ProductKind.Other, ProductForm.Powder), 500m, DoseUnit.Milligram, 500m, NormalUnit.Milligrams },
        { KratomPowder, 2m, DoseUnit.Teaspoon, 5m, NormalUnit.Grams },
        { KratomCapsules, 6m, DoseUnit.Capsule, 3m, NormalUnit.Grams },
        { new(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Oxycodone, MgPerTablet: 5m), 2m, DoseUnit.Tablet, 15m, NormalUnit.Mme },
        { new(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Oxycodone), 10m, DoseUnit.Milligram, 15m, NormalUnit.Mme },
        { new(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Methadone), 10m, DoseUnit.Milligram, 47m, NormalUnit.Mme },
        { new(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Hydromorphone), 2m, DoseUnit.Milligram, 10m, NormalUnit.Mme },
        { new(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Tramadol), 50m, DoseUnit.Milligram, 10m, NormalUnit.Mme },
        { new(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Codeine), 30m, DoseUnit.Milligram, 4.5m, NormalUnit.Mme },
        { new(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Tapentadol), 50m, DoseUnit.Milligram, 20m, NormalUnit.Mme },
        { new(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Oxymorphone), 5m, DoseUnit.Milligram, 15m, NormalUnit.Mme },
        { new(ProductKind.Opioid, ProductForm.Liquid, OpioidName.Morphine, MgPerMl: 2m), 5m, DoseUnit.Milliliter, 10m, NormalUnit.Mme },
        { new(ProductKind.Opioid, ProductForm.Patch, OpioidName.Fentanyl), 25m, DoseUnit.MicrogramPerHour, 60m, NormalUnit.Mme },
        { new(ProductKind.Other, ProductForm.Tablet, OtherClass: OtherClass.Benzodiazepine, MgPerTablet: 0.5m), 2m, DoseUnit.Tablet, 1m, NormalUnit.Milligrams },
        { new(ProductKind.Other, ProductForm.Capsule, OtherClass: OtherClass.Gabapentinoid), 0.3m, DoseUnit.Gram, 300m, NormalUnit.Milligrams },
    };

    [Theory]
    [MemberData(nameof(Normalized))]
    public void Normalize_KnownStrength_GivesCommonUnit(ProductSpec product, decimal value, DoseUnit unit, decimal expected, NormalUnit expectedUnit)
    {
        var (normalized, note) = Normalization.Normalize(product, new Amount(value, unit));
        note.ShouldBeNull();
        normalized.ShouldBe(new Normalized(expected, expectedUnit));
    }

    [Fact]
    public void Normalize_UncalibratedTeaspoon_IsFlaggedNotGuessed()
    {
        var (normalized, note) = Normalization.Normalize(KratomPowderUncalibrated, new Amount(1m, DoseUnit.Teaspoon));
        normalized.ShouldBeNull();
        note.ShouldBe(NormalizationNote.Uncalibrated);
    }

    [Fact]
    public void Normalize_TabletsWithoutStrength_AreUncalibrated()
    {
        var (normalized, note) = Normalization.Normalize(new ProductSpec(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Oxycodone), new Amount(1m, DoseUnit.Tablet));
        normalized.ShouldBeNull();
        note.ShouldBe(NormalizationNote.Uncalibrated);
    }

    [Fact]
    public void Normalize_FentanylByMass_HasNoCdcFactor()
    {
        var (normalized, note) = Normalization.Normalize(new ProductSpec(ProductKind.Opioid, ProductForm.Other, OpioidName.Fentanyl), new Amount(100m, DoseUnit.Microgram));
        normalized.ShouldBeNull();
        note.ShouldBe(NormalizationNote.NoMmeFactor);
    }

    [Theory]
    [InlineData(ProductForm.Powder, DoseUnit.Tablet, false)]
    [InlineData(ProductForm.Powder, DoseUnit.Capsule, false)]
    [InlineData(ProductForm.Powder, DoseUnit.Teaspoon, true)]
    [InlineData(ProductForm.Capsule, DoseUnit.Capsule, true)]
    [InlineData(ProductForm.Patch, DoseUnit.Gram, false)]
    [InlineData(ProductForm.Tablet, DoseUnit.MicrogramPerHour, false)]
    [InlineData(ProductForm.Liquid, DoseUnit.Milliliter, true)]
    public void Fits_UnitMustSuitTheForm(ProductForm form, DoseUnit unit, bool fits) =>
        Normalization.Fits(new ProductSpec(ProductKind.Kratom, form), unit).ShouldBe(fits);

    public static TheoryData<ProductSpec, string> UnitLists => new()
    {
        { new(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Oxycodone, MgPerTablet: 5m), "tablet mg" },
        { KratomCapsules, "capsule g" },
        { new(ProductKind.Opioid, ProductForm.Capsule, OpioidName.Morphine, MgPerTablet: 15m), "capsule mg" },
        { KratomPowder, "g tsp" },
        { new(ProductKind.Opioid, ProductForm.Patch, OpioidName.Fentanyl), "mcg/h" },
        { new(ProductKind.Opioid, ProductForm.Liquid, OpioidName.Morphine, MgPerMl: 2m), "ml mg" },
        { new(ProductKind.Kratom, ProductForm.Extract), "g mg ml" },
        { new(ProductKind.Kratom, ProductForm.Extract, MgPerTablet: 15m), "g mg ml capsule tablet" },
    };

    [Theory]
    [MemberData(nameof(UnitLists))]
    public void UnitsFor_FollowsFormAndStrengths(ProductSpec product, string expected) =>
        string.Join(' ', Normalization.UnitsFor(product).Select(u => u.Name())).ShouldBe(expected);

    [Fact]
    public void Fits_GramsOfATablet_DoesNotFit() =>
        // "1 g" of a 5 mg oxycodone tablet product would otherwise be read as 1,000 mg = 1,500 MME.
        Normalization.Fits(new ProductSpec(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Oxycodone, MgPerTablet: 5m), DoseUnit.Gram).ShouldBeFalse();

    [Fact]
    public void MmeFactors_AreCdc2022()
    {
        MmeFactors.Factor(OpioidName.Hydromorphone).ShouldBe(5m);
        MmeFactors.Factor(OpioidName.Methadone).ShouldBe(4.7m);
        MmeFactors.Factor(OpioidName.Tramadol).ShouldBe(0.2m);
        MmeFactors.Source.Citation.ShouldContain("2022");
    }
}
