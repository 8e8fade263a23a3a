using Shouldly;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;

namespace Wane.Domain.Tests.Journal;

public class ProductRulesTests
{
    private static ProductDraft Draft(string? name = "Red Bali", string? kind = "kratom", string? form = "powder", string? opioid = null,
        string? otherClass = null, decimal? gpc = null, decimal? mpt = null) =>
        new(name, kind, "red", form, opioid, otherClass, gpc, null, mpt, null, false, true, null);

    [Fact]
    public void Validate_KratomPowder_IsValid()
    {
        var (product, errors) = ProductRules.Validate(Draft());
        errors.ShouldBeEmpty();
        product!.Spec.Kind.ShouldBe(ProductKind.Kratom);
        product.Name.ShouldBe("Red Bali");
    }

    [Fact]
    public void Validate_Opioid_NeedsACdcName()
    {
        ProductRules.Validate(Draft(kind: "opioid", form: "tablet")).Errors.ShouldContain(e => e.Field == "opioid");
        ProductRules.Validate(Draft(kind: "opioid", form: "tablet", opioid: "buprenorphine")).Errors.ShouldContain(e => e.Field == "opioid");
        ProductRules.Validate(Draft(kind: "opioid", form: "tablet", opioid: "oxycodone")).Product!.Spec.Opioid.ShouldBe(OpioidName.Oxycodone);
    }

    [Fact]
    public void Validate_KratomNamingAnOpioid_IsRejected() =>
        ProductRules.Validate(Draft(opioid: "morphine")).Errors.ShouldContain(e => e.Field == "opioid");

    [Theory]
    [InlineData("kratom", null)]
    [InlineData("opioid", "oxycodone")]
    public void Validate_PatchOnlyForFentanyl(string kind, string? opioid) =>
        ProductRules.Validate(Draft(kind: kind, form: "patch", opioid: opioid)).Errors.ShouldContain(e => e.Field == "form");

    [Fact]
    public void Validate_FentanylPatch_IsValid() =>
        ProductRules.Validate(Draft(kind: "opioid", form: "patch", opioid: "fentanyl")).Errors.ShouldBeEmpty();

    [Theory]
    [InlineData(null, "kratom", "powder", "name")]
    [InlineData("x", "herb", "powder", "kind")]
    [InlineData("x", "kratom", "gummy", "form")]
    public void Validate_MissingOrUnknown_NamesTheField(string? name, string kind, string form, string field) =>
        ProductRules.Validate(Draft(name, kind, form)).Errors.ShouldContain(e => e.Field == field);

    [Fact]
    public void Validate_NameOverLimit_IsRejected() =>
        ProductRules.Validate(Draft(new string('n', 101))).Errors.ShouldContain(e => e.Field == "name");

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(6)]
    public void Validate_ImpossibleCapsuleWeight_IsRejected(double grams) =>
        ProductRules.Validate(Draft(form: "capsule", gpc: (decimal)grams)).Errors.ShouldContain(e => e.Field == "gramsPerCapsule");

    [Fact]
    public void Validate_OtherWithoutClass_DefaultsToOther() =>
        ProductRules.Validate(Draft(kind: "other", form: "liquid")).Product!.Spec.OtherClass.ShouldBe(OtherClass.Other);
}
