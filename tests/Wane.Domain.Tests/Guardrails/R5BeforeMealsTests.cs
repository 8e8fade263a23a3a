using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using static Wane.Domain.Tests.Guardrails.Doses;

namespace Wane.Domain.Tests.Guardrails;

public class R5BeforeMealsTests
{
    [Theory]
    [InlineData(MealTiming.AfterLarge, true)]
    [InlineData(MealTiming.With, false)]
    [InlineData(MealTiming.Empty, false)]
    [InlineData(null, false)]
    public void Evaluate_DoseAfterALargeMeal_Informs(MealTiming? meal, bool informs)
    {
        var advisories = Evaluate(Context(), Kratom(Ny(2026, 11, 25, 13, 0)) with { Meal = meal }).Of("R5");
        advisories.Count.ShouldBe(informs ? 1 : 0);
        if (informs)
        {
            advisories[0].Level.ShouldBe(AdvisoryLevel.Info);
            advisories[0].Source.ShouldBe(RuleSources.Method);
        }
    }

    [Fact]
    public void Evaluate_OpioidAfterALargeMeal_DefersToThePrescriber() =>
        Evaluate(Context(), Opioid(Ny(2026, 11, 25, 13, 0)) with { Meal = MealTiming.AfterLarge }).Of("R5")
            .ShouldHaveSingleItem().Suggestion.ShouldNotBeNull().ShouldContain("prescriber or the label");

    [Theory]
    [InlineData(13, 59, true)]
    [InlineData(14, 0, false)] // exactly the 6 h window
    public void Evaluate_RedoseAfterAnAfterMealDose_CautionsInsideTheWindow(int hour, int minute, bool cautions)
    {
        var context = Context(Kratom(Ny(2026, 11, 25, 8, 0)) with { Meal = MealTiming.AfterLarge });
        var advisories = Evaluate(context, Kratom(Ny(2026, 11, 25, hour, minute))).Of("R5");
        advisories.Count.ShouldBe(cautions ? 1 : 0);
        if (cautions)
        {
            advisories[0].Level.ShouldBe(AdvisoryLevel.Caution);
            advisories[0].Message.ShouldContain("at 08:00 was taken after a large meal, 5 h 59 min before this one");
        }
    }

    [Fact]
    public void Evaluate_EarlierAfterMealDoseOfAnotherKind_DoesNotCountAsChasing()
    {
        var context = Context(Opioid(Ny(2026, 11, 25, 8, 0)) with { Meal = MealTiming.AfterLarge });
        Evaluate(context, Kratom(Ny(2026, 11, 25, 9, 0))).Of("R5").ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_AcrossFallBack_UsesRealElapsedTime()
    {
        // 2026-11-01: 00:45 EDT (04:45Z) to 06:30 EST (11:30Z) is 5 h 45 min on the clock but 6 h 45 min in real time.
        var context = Context(Kratom(Instant.FromUtc(2026, 11, 1, 4, 45)) with { Meal = MealTiming.AfterLarge });
        Evaluate(context, Kratom(Instant.FromUtc(2026, 11, 1, 11, 30))).Of("R5").ShouldBeEmpty();
        Evaluate(context, Kratom(Instant.FromUtc(2026, 11, 1, 10, 44))).Of("R5").ShouldHaveSingleItem();
    }

    [Fact]
    public void Evaluate_OtherKind_IsQuiet()
    {
        var context = Context(Other(Ny(2026, 11, 25, 8, 0), OtherClass.Alcohol) with { Meal = MealTiming.AfterLarge });
        Evaluate(context, Other(Ny(2026, 11, 25, 9, 0), OtherClass.Alcohol) with { Meal = MealTiming.AfterLarge }).Of("R5").ShouldBeEmpty();
    }
}
