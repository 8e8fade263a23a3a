using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Time;
using static Wane.Domain.Tests.Guardrails.Doses;

namespace Wane.Domain.Tests.Guardrails;

public class S2RisingToleranceTests
{
    private static readonly LocalDate Day = new(2026, 11, 25);
    private static readonly Instant Candidate = Ny(2026, 11, 25, 20, 0);

    /// <summary>Baseline days (the 28 before the recent 7) at one amount, the 6 recent days before today at another.</summary>
    private static DoseFact[] History(decimal baseline, decimal recent, int baselineDays = 28, LocalDays? days = null)
    {
        var d = days ?? NewYorkDays;
        return
        [
            .. Daily(d, Day, 6, new LocalTime(12, 0), t => Kratom(t, recent)),
            .. Daily(d, Day.PlusDays(-6), baselineDays, new LocalTime(12, 0), t => Kratom(t, baseline)),
        ];
    }

    public static TheoryData<decimal, bool> Rises => new()
    {
        { 6m, true },     // exactly 20% above 5 g a day
        { 5.99m, false },
        { 5m, false },
    };

    [Theory]
    [MemberData(nameof(Rises))]
    public void Evaluate_RecentAverageAboveBaseline_CautionsAtTheRise(decimal recent, bool cautions)
    {
        var advisories = Evaluate(Context(History(5m, recent)), Kratom(Candidate, recent)).Of("S2");
        advisories.Count.ShouldBe(cautions ? 1 : 0);
        if (cautions)
        {
            advisories[0].Level.ShouldBe(AdvisoryLevel.Caution);
            advisories[0].Message.ShouldBe("Your kratom average over the last 7 days is 6 g a day, 20% above the 5 g a day of the 28 days before.");
            advisories[0].Source.ShouldBe(RuleSources.Tolerance);
        }
    }

    [Fact]
    public void Evaluate_NoHistoryBeforeTheRecentDays_IsQuiet() =>
        Evaluate(Context(History(5m, 20m, baselineDays: 0)), Kratom(Candidate, 20m)).Of("S2").ShouldBeEmpty();

    [Fact]
    public void Evaluate_LoggingStartedInsideTheBaseline_AveragesFromTheFirstLoggedDay()
    {
        // Ten days logged at 5 g before the recent days: the 18 unlogged days are unknown, not zero.
        Evaluate(Context(History(5m, 5m, baselineDays: 10)), Kratom(Candidate, 5m)).Of("S2").ShouldBeEmpty();
        Evaluate(Context(History(5m, 6m, baselineDays: 10)), Kratom(Candidate, 6m)).Of("S2").ShouldHaveSingleItem()
            .Message.ShouldContain("the 5 g a day of the 10 days before, since your first logged kratom dose");
    }

    [Theory]
    [InlineData(0, true)]  // 02:00 on the 19th is a recent day: (7 × 5.5 g + 3.5 g) / 7 = 6 g a day, 20% above 5 g
    [InlineData(4, false)] // with days starting at 04:00 it belongs to the 18th, a baseline day: 5.5 g against 5.125 g
    public void Evaluate_DayStartHourFour_DecidesWhichPeriodADoseFallsIn(int dayStartHour, bool cautions)
    {
        var days = new LocalDays(NewYork, dayStartHour);
        var history = History(5m, 5.5m, days: days).Append(Kratom(Ny(2026, 11, 19, 2, 0), 3.5m)).ToArray();
        Evaluate(Context(days, history), Kratom(Candidate, 5.5m)).Of("S2").Count.ShouldBe(cautions ? 1 : 0);
    }

    [Fact]
    public void Evaluate_Opioids_ComparesMmeWithTheNote()
    {
        var history = Daily(NewYorkDays, Day, 6, new LocalTime(12, 0), t => Opioid(t, mme: 60m))
            .Concat(Daily(NewYorkDays, Day.PlusDays(-6), 28, new LocalTime(12, 0), t => Opioid(t, mme: 40m)))
            .ToArray();
        var advisory = Evaluate(Context(history), Opioid(Candidate, mme: 60m)).Of("S2").ShouldHaveSingleItem();
        advisory.Message.ShouldStartWith("Your opioid average over the last 7 days is 60 MME a day, 50% above the 40 MME a day");
        advisory.Message.ShouldContain("not a way to convert one opioid to another");
    }

    [Fact]
    public void Evaluate_KratomDoesNotCountTowardsOpioids()
    {
        var history = Daily(NewYorkDays, Day, 6, new LocalTime(12, 0), t => Kratom(t, 50m))
            .Concat(Daily(NewYorkDays, Day, 34, new LocalTime(9, 0), t => Opioid(t, mme: 40m)))
            .ToArray();
        Evaluate(Context(history), Opioid(Candidate, mme: 40m)).Of("S2").ShouldBeEmpty();
    }
}
