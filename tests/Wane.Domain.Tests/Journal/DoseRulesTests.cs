using NodaTime;
using Shouldly;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;

namespace Wane.Domain.Tests.Journal;

public class DoseRulesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 15, 0);
    private static readonly ProductSpec Powder = new(ProductKind.Kratom, ProductForm.Powder);
    private static readonly ProductSpec Capsules = new(ProductKind.Kratom, ProductForm.Capsule, GramsPerCapsule: 1.5m);
    private static readonly ProductSpec Methadone = new(ProductKind.Opioid, ProductForm.Liquid, OpioidName.Methadone, MgPerMl: 10m);

    private static DoseDraft Draft(decimal? amount = 3m, string? unit = "g", Instant? at = null, string? note = null, int? pain = null, string? meal = null, string? reason = null) =>
        new(amount, unit, at, meal, reason, pain, note);

    private static IReadOnlyList<FieldError> Errors(DoseDraft draft, ProductSpec? product = null) =>
        DoseRules.Validate(draft, product ?? Powder, Now).Errors;

    [Fact]
    public void Validate_PlainDose_IsValidAndNormalized()
    {
        var (dose, errors) = DoseRules.Validate(Draft(meal: "before", reason: "pain", pain: 6), Powder, Now);
        errors.ShouldBeEmpty();
        dose!.TakenAt.ShouldBe(Now);
        dose.Normalized.ShouldBe(new Normalized(3m, NormalUnit.Grams));
        dose.Meal.ShouldBe(MealTiming.Before);
        dose.Reason.ShouldBe(DoseReason.Pain);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(0.00001)]
    public void Validate_ImpossibleAmount_NamesAmount(double amount) =>
        Errors(Draft((decimal)amount)).ShouldContain(e => e.Field == "amount");

    [Fact]
    public void Validate_MissingAmount_NamesAmount() => Errors(Draft(amount: null)).ShouldContain(e => e.Field == "amount");

    [Fact]
    public void Validate_CeilingIsInclusive() => Errors(Draft(100m)).ShouldBeEmpty();

    [Theory]
    [InlineData("tablet")]
    [InlineData("capsule")]
    [InlineData("oz")]
    [InlineData(null)]
    public void Validate_UnitNotFittingPowder_NamesUnit(string? unit) =>
        Errors(Draft(unit: unit)).ShouldContain(e => e.Field == "unit");

    [Fact]
    public void Validate_ExactlyTenMinutesAhead_IsAccepted() =>
        Errors(Draft(at: Now + Duration.FromMinutes(10))).ShouldBeEmpty();

    [Fact]
    public void Validate_MoreThanTenMinutesAhead_NamesTakenAt() =>
        Errors(Draft(at: Now + Duration.FromMinutes(10) + Duration.FromSeconds(1))).ShouldContain(e => e.Field == "takenAt");

    [Fact]
    public void Validate_NoteOverLimit_NamesNote()
    {
        Errors(Draft(note: new string('x', 2_000))).ShouldBeEmpty();
        Errors(Draft(note: new string('x', 2_001))).ShouldContain(e => e.Field == "note");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Validate_PainOutOfRange_NamesPainBefore(int pain) =>
        Errors(Draft(pain: pain)).ShouldContain(e => e.Field == "painBefore");

    [Fact]
    public void Validate_UnknownMealAndReason_AreNamed()
    {
        var errors = Errors(Draft(meal: "brunch", reason: "boredom"));
        errors.ShouldContain(e => e.Field == "meal");
        errors.ShouldContain(e => e.Field == "reason");
    }

    [Fact]
    public void Validate_CapsulesAddingUpToOverAHundredGrams_AreRejected()
    {
        Errors(Draft(66m, "capsule"), Capsules).ShouldBeEmpty();
        Errors(Draft(67m, "capsule"), Capsules).ShouldContain(e => e.Field == "amount" && e.Message.Contains("kratom"));
    }

    [Fact]
    public void Validate_OpioidAboveTwoThousandMme_IsRejected()
    {
        Errors(Draft(42m, "ml"), Methadone).ShouldBeEmpty();
        Errors(Draft(43m, "ml"), Methadone).ShouldContain(e => e.Field == "amount" && e.Message.Contains("MME"));
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        var errors = Errors(Draft(-2m, "oz", Now + Duration.FromDays(1), new string('x', 3_000), 12));
        errors.Select(e => e.Field).ShouldBe(["unit", "amount", "takenAt", "painBefore", "note"], ignoreOrder: true);
    }
}
