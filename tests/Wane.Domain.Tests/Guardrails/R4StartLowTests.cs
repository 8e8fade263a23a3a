using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using static Wane.Domain.Tests.Guardrails.Doses;

namespace Wane.Domain.Tests.Guardrails;

public class R4StartLowTests
{
    private static readonly Instant Candidate = Ny(2026, 11, 25, 20, 0);

    private static IReadOnlyList<Advisory> R4(GuardrailContext context, DoseFact candidate, GuardrailSettings? settings = null) =>
        Evaluate(context, candidate, settings).Of("R4");

    public static TheoryData<decimal, bool> Steps => new()
    {
        { 5m, false },    // exactly 25% above the largest (4 g)
        { 5.01m, true },
        { 4.5m, false },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Evaluate_DoseAboveLargestByMoreThanTheStep_Cautions(decimal grams, bool cautions)
    {
        var context = Context(Kratom(Candidate - Duration.FromDays(10), 4m), Kratom(Candidate - Duration.FromDays(1), 3m));
        var advisories = R4(context, Kratom(Candidate, grams));
        advisories.Count.ShouldBe(cautions ? 1 : 0);
        if (cautions)
        {
            advisories[0].Level.ShouldBe(AdvisoryLevel.Caution);
            advisories[0].Message.ShouldBe("This 5.01 g is more than 25% above your largest kratom dose of the last 14 days (4 g).");
            advisories[0].Source.ShouldBe(RuleSources.Potency);
        }
    }

    [Fact]
    public void Evaluate_LargestDoseOlderThanTheDays_IsNotCompared()
    {
        var context = Context(Kratom(Candidate - Duration.FromDays(14) - Duration.FromMinutes(1), 10m), Kratom(Candidate - Duration.FromDays(1), 4m));
        R4(context, Kratom(Candidate, 5.5m)).ShouldHaveSingleItem().Message.ShouldContain("(4 g)");
    }

    [Fact]
    public void Evaluate_NoEarlierDoseOfTheKind_IsQuiet()
    {
        var context = Context(Opioid(Candidate - Duration.FromDays(1), mme: 1m));
        R4(context, Kratom(Candidate, 20m)).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_OpioidStepInMme_CautionsWithTheMmeNote()
    {
        var context = Context(Opioid(Candidate - Duration.FromDays(2), mme: 30m));
        var advisory = R4(context, Opioid(Candidate, mme: 45m)).ShouldHaveSingleItem();
        advisory.Message.ShouldContain("45 MME is more than 25% above your largest opioid dose of the last 14 days (30 MME)");
        advisory.Message.ShouldContain("not a way to convert one opioid to another");
    }

    public static TheoryData<decimal, bool> NewProduct => new()
    {
        { 2m, false },    // exactly half the usual 4 g
        { 2.01m, true },
    };

    [Theory]
    [MemberData(nameof(NewProduct))]
    public void Evaluate_FirstDoseOfANewProductAboveHalfTheUsual_Cautions(decimal grams, bool cautions)
    {
        var context = Context(Kratom(Candidate - Duration.FromDays(3), 3m), Kratom(Candidate - Duration.FromDays(2), 4m), Kratom(Candidate - Duration.FromDays(1), 5m));
        var advisories = R4(context, Kratom(Candidate, grams, product: 2));
        advisories.Count.ShouldBe(cautions ? 1 : 0);
        if (cautions)
        {
            advisories[0].Title.ShouldBe("A new product: start low");
            advisories[0].Message.ShouldContain("usual kratom dose (4 g, the median of the last 14 days)");
        }
    }

    [Theory]
    [InlineData("B", true)]
    [InlineData("a", false)]  // the same batch, written differently
    [InlineData(null, false)] // no batch given: nothing to compare
    public void Evaluate_NewBatchOfAKnownProduct_Cautions(string? batch, bool cautions)
    {
        var context = Context(Kratom(Candidate - Duration.FromDays(2), 4m, batch: "A"), Kratom(Candidate - Duration.FromDays(1), 4m, batch: "A"));
        var advisories = R4(context, Kratom(Candidate, 3m, batch: batch));
        advisories.Count.ShouldBe(cautions ? 1 : 0);
        if (cautions)
        {
            advisories[0].Message.ShouldStartWith("This is the first dose from batch B of this product");
        }
    }

    public static TheoryData<decimal, bool> Caps => new()
    {
        { 1m, false },    // 10 g exactly: at the cap
        { 1.5m, true },
    };

    [Theory]
    [MemberData(nameof(Caps))]
    public void Evaluate_DailyTotalAboveTheCap_Cautions(decimal grams, bool cautions)
    {
        var context = Context(Kratom(Ny(2026, 11, 24, 23, 0), 5m), Kratom(Ny(2026, 11, 25, 8, 0), 3m), Kratom(Ny(2026, 11, 25, 12, 0), 3m), Kratom(Ny(2026, 11, 25, 16, 0), 3m));
        var advisories = R4(context, Kratom(Candidate, grams), With("R4.kratomCap=10g"));
        advisories.Count.ShouldBe(cautions ? 1 : 0);
        if (cautions)
        {
            advisories[0].Message.ShouldBe("With this dose your kratom total today would be 10.5 g, above your daily cap of 10 g.");
        }
    }

    [Theory]
    [InlineData(0, true)]  // 03:00 is today: 8 + 3 = 11 g
    [InlineData(4, false)] // with days starting at 04:00, 03:00 belongs to yesterday: 3 g today
    public void Evaluate_DayStartHourFour_CapCountsTheLocalDay(int dayStartHour, bool cautions)
    {
        var days = new LocalDays(NewYork, dayStartHour);
        var context = Context(days, Kratom(Ny(2026, 11, 25, 3, 0), 8m));
        R4(context, Kratom(Ny(2026, 11, 25, 9, 0), 3m, product: 1), With("R4.kratomCap=10g", "R4.step=100%")).Count.ShouldBe(cautions ? 1 : 0);
    }

    [Fact]
    public void Evaluate_OpioidCap_UsesMme()
    {
        var context = Context(Opioid(Ny(2026, 11, 25, 8, 0), mme: 30m));
        R4(context, Opioid(Candidate, mme: 30m), With("R4.opioidCap=50MME")).ShouldHaveSingleItem().Title.ShouldBe("Above your daily cap");
        R4(context, Kratom(Candidate, 3m), With("R4.opioidCap=1MME")).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_AbovePlanAllowanceInTheSameUnit_Cautions()
    {
        var context = Context(Kratom(Ny(2026, 11, 25, 8, 0), 4m)) with { PlanDailyAllowance = new Normalized(6m, NormalUnit.Grams) };
        var advisory = R4(context, Kratom(Candidate, 3m)).ShouldHaveSingleItem();
        advisory.Title.ShouldBe("Above your plan's allowance");
        advisory.Message.ShouldContain("7 g, above your taper plan's allowance of 6 g");
        R4(context with { PlanDailyAllowance = new Normalized(6m, NormalUnit.Mme) }, Kratom(Candidate, 3m)).ShouldBeEmpty();
        R4(context, Kratom(Candidate, 2m)).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_BackfilledDoseOverCap_NamesItsDay()
    {
        var context = Context(Kratom(Ny(2026, 11, 20, 8, 0), 9m));
        var advisories = Wane.Domain.Guardrails.Guardrails.Evaluate(context, With("R4.kratomCap=10g"), Kratom(Ny(2026, 11, 20, 12, 0), 2m), Candidate).Of("R4");
        advisories.ShouldContain(a => a.Message.Contains("total on 2026-11-20 would be 11 g", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_UncalibratedTeaspoon_Informs()
    {
        var advisory = R4(Context(Kratom(Candidate - Duration.FromDays(1), 4m)), KratomTeaspoons(Candidate, 2m)).ShouldHaveSingleItem();
        advisory.Level.ShouldBe(AdvisoryLevel.Info);
        advisory.Message.ShouldContain("(2 tsp)");
        advisory.Suggestion.ShouldNotBeNull().ShouldContain("Weigh a level teaspoon");
    }

    [Fact]
    public void Evaluate_OtherKind_IsQuiet()
    {
        var context = Context(Other(Candidate - Duration.FromDays(1), OtherClass.Benzodiazepine, 1m));
        R4(context, Other(Candidate, OtherClass.Benzodiazepine, 100m, product: 99), With("R4.kratomCap=1g", "R4.opioidCap=1MME")).ShouldBeEmpty();
    }
}
