using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Time;
using static Wane.Domain.Tests.Guardrails.Doses;

namespace Wane.Domain.Tests.Guardrails;

public class R2RotateStrainsTests
{
    private static readonly Instant Candidate = Ny(2026, 11, 25, 20, 0);

    public static TheoryData<string?[], bool> Runs => new()
    {
        { ["Red", "Red"], true },                 // the candidate makes 3 in a row
        { ["Green", "Red", "Red"], true },
        { ["Red"], false },                       // only 2 in a row
        { ["Red", "Green", "Red"], false },
        { ["red ", "RED"], true },                // case and spaces do not matter
        { ["Red", null, "Red"], false },          // an unknown strain breaks the run
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Evaluate_SameStrainInARow_InformsWhenTheCandidateMakesThree(string?[] earlier, bool informs)
    {
        var history = earlier.Select((s, i) => Kratom(Candidate - Duration.FromHours(7 * (earlier.Length - i)), strain: s)).ToArray();
        var advisories = Evaluate(Context(history), Kratom(Candidate, strain: "Red")).Of("R2");
        advisories.Count.ShouldBe(informs ? 1 : 0);
        if (informs)
        {
            advisories[0].Level.ShouldBe(AdvisoryLevel.Info);
            advisories[0].Message.ShouldContain("3 doses of Red in a row");
            advisories[0].Source.ShouldBe(RuleSources.Method);
        }
    }

    [Fact]
    public void Evaluate_OpioidBetweenSameStrainDoses_DoesNotBreakTheRun()
    {
        var context = Context(Kratom(Candidate - Duration.FromHours(20), strain: "Red"), Opioid(Candidate - Duration.FromHours(15)), Kratom(Candidate - Duration.FromHours(10), strain: "Red"));
        Evaluate(context, Kratom(Candidate, strain: "Red")).Of("R2").ShouldHaveSingleItem();
    }

    [Fact]
    public void Evaluate_KratomWithoutStrain_IsQuiet()
    {
        var context = Context(Kratom(Candidate - Duration.FromHours(20), strain: "Red"), Kratom(Candidate - Duration.FromHours(10), strain: "Red"));
        Evaluate(context, Kratom(Candidate)).Of("R2").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(6, false)] // the seventh day back has no dose
    public void Evaluate_SameStrainOnEachOfTheLastDays_Informs(int daysWithDoses, bool informs)
    {
        var day = NewYorkDays.DayOf(Candidate);
        var history = Daily(NewYorkDays, day, daysWithDoses - 1, new LocalTime(9, 0), t => Kratom(t, strain: "Red")).ToArray();
        // Many doses in a row are allowed here, so only the days count.
        var advisories = Evaluate(Context(history), Kratom(Candidate, strain: "Red"), With("R2.doses=20")).Of("R2");
        advisories.Count.ShouldBe(informs ? 1 : 0);
        if (informs)
        {
            advisories[0].Message.ShouldContain("each of the last 7 days");
        }
    }

    [Fact]
    public void Evaluate_AnotherStrainOnOneOfTheDays_IsQuiet()
    {
        var day = NewYorkDays.DayOf(Candidate);
        var history = Daily(NewYorkDays, day, 6, new LocalTime(9, 0), t => Kratom(t, strain: "Red"))
            .Append(Kratom(NewYorkDays.InstantOf(day.PlusDays(-3).At(new LocalTime(15, 0))), strain: "Green"))
            .ToArray();
        Evaluate(Context(history), Kratom(Candidate, strain: "Red"), With("R2.doses=20")).Of("R2").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, false)] // 02:00 on the 19th is still the 19th: the 18th has no dose
    [InlineData(4, true)]  // with days starting at 04:00, 02:00 on the 19th belongs to the 18th
    public void Evaluate_DayStartHour_DecidesWhichDayAnEarlyDoseBelongsTo(int dayStartHour, bool informs)
    {
        var days = new LocalDays(NewYork, dayStartHour);
        var candidate = Ny(2026, 11, 24, 20, 0);
        var history = Enumerable.Range(19, 5).Select(d => Kratom(Ny(2026, 11, d, 12, 0), strain: "Red"))
            .Append(Kratom(Ny(2026, 11, 19, 2, 0), strain: "Red"))
            .ToArray();
        Evaluate(Context(days, history), Kratom(candidate, strain: "Red"), With("R2.doses=20")).Of("R2").Count.ShouldBe(informs ? 1 : 0);
    }

    [Fact]
    public void Evaluate_StockWithOtherStrains_SuggestsTheLeastRecentlyUsed()
    {
        var history = new[]
        {
            Kratom(Candidate - Duration.FromDays(3), strain: "Green", product: 2),
            Kratom(Candidate - Duration.FromDays(2), strain: "White", product: 3),
            Kratom(Candidate - Duration.FromHours(20), strain: "Red"),
            Kratom(Candidate - Duration.FromHours(10), strain: "Red"),
        };
        StockItem[] stock = [new(1, "Red Bali", "Red", true), new(2, "Green Malay", "Green", true), new(3, "White Borneo", "White", true), new(4, "Yellow", "Yellow", false)];
        var context = Context(history) with { Stock = stock };
        Evaluate(context, Kratom(Candidate, strain: "Red")).Of("R2").ShouldHaveSingleItem().Suggestion.ShouldBe(
            "Rotate to Green: of the strains in stock, it is the one you have used least recently.");

        // A strain never used comes first.
        var withNew = context with { Stock = [.. stock, new(5, "Maeng Da", "Maeng Da", true)] };
        Evaluate(withNew, Kratom(Candidate, strain: "Red")).Of("R2").ShouldHaveSingleItem().Suggestion.ShouldNotBeNull().ShouldContain("Maeng Da");
    }

    [Fact]
    public void Evaluate_NoOtherStrainInStock_SuggestsAddingOne()
    {
        var context = Context(Kratom(Candidate - Duration.FromHours(20), strain: "Red"), Kratom(Candidate - Duration.FromHours(10), strain: "Red"))
            with { Stock = [new(1, "Red Bali", "red", true), new(2, "Green", "Green", false)] };
        Evaluate(context, Kratom(Candidate, strain: "Red")).Of("R2").ShouldHaveSingleItem().Suggestion.ShouldNotBeNull().ShouldContain("No other strain is in stock");
    }
}
