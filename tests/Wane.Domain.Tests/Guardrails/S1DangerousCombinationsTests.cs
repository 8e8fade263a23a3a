using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using static Wane.Domain.Tests.Guardrails.Doses;

namespace Wane.Domain.Tests.Guardrails;

public class S1DangerousCombinationsTests
{
    private static readonly Instant Candidate = Ny(2026, 11, 25, 20, 0);
    private static readonly Instant Before = Candidate - Duration.FromHours(3);

    [Theory]
    [InlineData(11 * 60 + 59, true)]
    [InlineData(12 * 60, false)] // exactly the 12 h window
    public void Evaluate_KratomAfterAlcohol_DangerInsideTheWindow(int minutesBefore, bool danger)
    {
        var context = Context(Other(Candidate - Duration.FromMinutes(minutesBefore), OtherClass.Alcohol));
        var advisories = Evaluate(context, Kratom(Candidate)).Of("S1");
        advisories.Count.ShouldBe(danger ? 1 : 0);
        if (danger)
        {
            advisories[0].Level.ShouldBe(AdvisoryLevel.Danger);
            advisories[0].Message.ShouldBe("This dose of kratom comes within 12 h of alcohol at 08:01.");
            advisories[0].Source.ShouldBe(RuleSources.Interactions);
            advisories[0].Suggestion.ShouldNotBeNull().ShouldContain("naloxone");
            advisories[0].Suggestion.ShouldNotBeNull().ShouldContain("don't use alone");
        }
    }

    public static TheoryData<DoseFact, DoseFact, bool> Pairs => new()
    {
        { Kratom(Before), Opioid(Candidate), true },
        { Opioid(Before, OpioidName.Morphine), Opioid(Candidate, OpioidName.Oxycodone), true },
        { Other(Before, OtherClass.Benzodiazepine), Kratom(Candidate), true },
        { Other(Before, OtherClass.Gabapentinoid), Opioid(Candidate), true },
        { Kratom(Before), Other(Candidate, OtherClass.Alcohol), true },          // the other way round
        { Opioid(Before), Other(Candidate, OtherClass.Benzodiazepine), true },
        { Opioid(Before, null, product: 11), Opioid(Candidate, null, product: 12), true }, // unnamed, different products
        { Kratom(Before), Kratom(Candidate), false },                            // the same substance
        { Opioid(Before, OpioidName.Oxycodone, product: 11), Opioid(Candidate, OpioidName.Oxycodone, product: 12), false },
        { Opioid(Before, null), Opioid(Candidate, null), false },                 // the same unnamed product
        { Other(Before, OtherClass.Alcohol), Other(Candidate, OtherClass.Benzodiazepine), false }, // neither is kratom nor an opioid
        { Other(Before, OtherClass.Stimulant), Kratom(Candidate), false },
        { Other(Before, OtherClass.Cannabis), Opioid(Candidate), false },
        { Kratom(Before), Other(Candidate, OtherClass.Stimulant), false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Evaluate_PairsOfSubstances_DangerOnlyForDifferentDepressants(DoseFact earlier, DoseFact candidate, bool danger) =>
        Evaluate(Context(earlier), candidate).Of("S1").Count.ShouldBe(danger ? 1 : 0);

    [Fact]
    public void Evaluate_SeveralDepressants_OneAdvisoryListingEach()
    {
        var context = Context(
            Other(Ny(2026, 11, 25, 12, 0), OtherClass.Alcohol),
            Other(Ny(2026, 11, 25, 15, 0), OtherClass.Benzodiazepine),
            Other(Ny(2026, 11, 25, 18, 0), OtherClass.Alcohol),
            Kratom(Ny(2026, 11, 25, 19, 0)));
        var advisory = Evaluate(context, Opioid(Candidate, OpioidName.Hydrocodone)).Of("S1").ShouldHaveSingleItem();
        advisory.Message.ShouldBe("This dose of hydrocodone comes within 12 h of kratom at 19:00, alcohol at 18:00 and a benzodiazepine at 15:00.");
    }

    [Fact]
    public void Evaluate_TramadolInvolved_MentionsSeizures()
    {
        Evaluate(Context(Opioid(Before, OpioidName.Tramadol)), Kratom(Candidate)).Of("S1").ShouldHaveSingleItem()
            .Message.ShouldContain("Tramadol also lowers the seizure threshold.");
        Evaluate(Context(Kratom(Before)), Opioid(Candidate, OpioidName.Tramadol)).Of("S1").ShouldHaveSingleItem()
            .Message.ShouldContain("seizure threshold");
        Evaluate(Context(Kratom(Before)), Opioid(Candidate, OpioidName.Morphine)).Of("S1").ShouldHaveSingleItem()
            .Message.ShouldNotContain("seizure");
    }

    [Fact]
    public void Evaluate_AcrossSpringForward_UsesRealElapsedTime()
    {
        // Alcohol at 23:00 EST on 7 March (04:00Z), kratom at 11:30 EDT on 8 March (15:30Z):
        // 12 h 30 min on the clock, 11 h 30 min in real time.
        var context = Context(Other(Instant.FromUtc(2026, 3, 8, 4, 0), OtherClass.Alcohol));
        Evaluate(context, Kratom(Instant.FromUtc(2026, 3, 8, 15, 30))).Of("S1").ShouldHaveSingleItem()
            .Message.ShouldContain("alcohol at 2026-03-07 23:00");
    }

    [Fact]
    public void Evaluate_LongerHoursSetting_ReachesFurther()
    {
        var context = Context(Other(Candidate - Duration.FromHours(20), OtherClass.Alcohol));
        Evaluate(context, Kratom(Candidate)).Of("S1").ShouldBeEmpty();
        Evaluate(context, Kratom(Candidate), With("S1.hours=24h")).Of("S1").ShouldHaveSingleItem().Message.ShouldContain("within 24 h");
    }
}
