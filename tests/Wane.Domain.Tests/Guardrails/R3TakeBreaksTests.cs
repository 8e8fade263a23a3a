using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Time;
using static Wane.Domain.Tests.Guardrails.Doses;

namespace Wane.Domain.Tests.Guardrails;

public class R3TakeBreaksTests
{
    private static readonly Instant Candidate = Ny(2026, 11, 25, 9, 0);
    private static readonly LocalDate Day = new(2026, 11, 25);

    /// <summary>One kratom dose a day at noon on each of the days before the candidate's, skipping <paramref name="skip"/> days back.</summary>
    private static DoseFact[] DailyKratom(int count, int? skip = null) =>
        [.. Daily(NewYorkDays, Day, count, new LocalTime(12, 0), t => Kratom(t)).Where(d => skip is null || NewYorkDays.DayOf(d.TakenAt) != Day.PlusDays(-skip.Value))];

    [Fact]
    public void Evaluate_KratomOnEachOfThirtyDays_CautionsR3()
    {
        var advisory = Evaluate(Context(DailyKratom(29)), Kratom(Candidate)).Of("R3").ShouldHaveSingleItem();
        advisory.Level.ShouldBe(AdvisoryLevel.Caution);
        advisory.Message.ShouldContain("each of the last 30 days (2026-10-27 to 2026-11-25");
        advisory.Message.ShouldContain("No break is scheduled.");
        advisory.Suggestion.ShouldNotBeNull().ShouldContain("Schedule a break");
        advisory.Source.ShouldBe(RuleSources.Tolerance);
    }

    [Theory]
    [InlineData(29, false)] // the 30th day back, counting today as the first, was kratom-free
    [InlineData(30, true)]  // a free day 31 days back is outside the 30 days
    [InlineData(1, false)]  // yesterday was kratom-free
    public void Evaluate_KratomFreeDayAtTheEdge_DecidesR3(int freeDaysBack, bool cautions) =>
        Evaluate(Context(DailyKratom(31, skip: freeDaysBack)), Kratom(Candidate)).Of("R3").Count.ShouldBe(cautions ? 1 : 0);

    [Fact]
    public void Evaluate_ActiveTaperPlan_OnlyInforms()
    {
        var advisory = Evaluate(Context(DailyKratom(29)) with { HasActivePlan = true }, Kratom(Candidate)).Of("R3").ShouldHaveSingleItem();
        advisory.Level.ShouldBe(AdvisoryLevel.Info);
        advisory.Why.ShouldContain("taper plan");
    }

    [Fact]
    public void Evaluate_BreakDayWithKratom_IsNotKratomFree()
    {
        var context = Context(DailyKratom(29)) with { Breaks = [new BreakPeriod(Day.PlusDays(-10), Day.PlusDays(-8))] };
        Evaluate(context, Kratom(Candidate)).Of("R3").ShouldHaveSingleItem().Level.ShouldBe(AdvisoryLevel.Caution);
    }

    [Fact]
    public void Evaluate_NextBreakAhead_IsNamedInTheMessage()
    {
        var context = Context(DailyKratom(29)) with
        {
            Breaks = [new BreakPeriod(Day.PlusDays(20), Day.PlusDays(22)), new BreakPeriod(Day.PlusDays(5), Day.PlusDays(7)), new BreakPeriod(Day.PlusDays(-40), Day.PlusDays(-38))],
        };
        var advisory = Evaluate(context, Kratom(Candidate)).Of("R3").ShouldHaveSingleItem();
        advisory.Message.ShouldContain("Your next planned break is from 2026-11-30 to 2026-12-02.");
        advisory.Suggestion.ShouldNotBeNull().ShouldContain("Keep to the planned break");
    }

    [Fact]
    public void Evaluate_DoseOnAPlannedBreakDay_Cautions()
    {
        var context = Context() with { Breaks = [new BreakPeriod(Day.PlusDays(-1), Day.PlusDays(1))] };
        var advisory = Evaluate(context, Kratom(Candidate)).Of("R3").ShouldHaveSingleItem();
        advisory.Level.ShouldBe(AdvisoryLevel.Caution);
        advisory.Title.ShouldBe("This is a planned break day");
        advisory.Message.ShouldContain("2026-11-24 to 2026-11-26");
    }

    [Fact]
    public void Evaluate_OpioidCandidate_IsQuiet()
    {
        var context = Context(DailyKratom(29)) with { Breaks = [new BreakPeriod(Day, Day)] };
        Evaluate(context, Opioid(Candidate)).Of("R3").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, false)] // 03:30 on the 16th belongs to the 16th: the 15th was kratom-free
    [InlineData(4, true)]  // with days starting at 04:00 it belongs to the 15th
    public void Evaluate_DayStartHourFour_EarlyDoseCountsForTheDayBefore(int dayStartHour, bool cautions)
    {
        var days = new LocalDays(NewYork, dayStartHour);
        var history = DailyKratom(29, skip: 10).Append(Kratom(Ny(2026, 11, 16, 3, 30))).ToArray();
        Evaluate(Context(days, history), Kratom(Candidate)).Of("R3").Count.ShouldBe(cautions ? 1 : 0);
    }

    [Theory]
    [InlineData(14, true)]  // 18:14Z is 23:59 in Kathmandu (+05:45): the dose counts for that day
    [InlineData(15, false)] // 18:15Z is 00:00 the next day: the day is kratom-free
    public void Evaluate_InKathmandu_UsesLocalMidnightAtQuarterPast(int minuteUtc, bool cautions)
    {
        var days = new LocalDays(Kathmandu);
        var day = new LocalDate(2026, 11, 25);
        var history = Daily(days, day, 29, new LocalTime(12, 0), t => Kratom(t))
            .Where(d => days.DayOf(d.TakenAt) != day.PlusDays(-10))
            .Append(Kratom(Instant.FromUtc(2026, 11, 15, 18, minuteUtc)))
            .ToArray();
        Evaluate(Context(days, history), Kratom(days.InstantOf(day.At(new LocalTime(9, 0))))).Of("R3").Count.ShouldBe(cautions ? 1 : 0);
    }

    [Fact]
    public void Evaluate_ShorterDaysSetting_MovesTheBoundary()
    {
        var history = DailyKratom(29, skip: 10);
        Evaluate(Context(history), Kratom(Candidate)).Of("R3").ShouldBeEmpty();
        Evaluate(Context(history), Kratom(Candidate), With("R3.days=10d")).Of("R3").ShouldHaveSingleItem();
        Evaluate(Context(history), Kratom(Candidate), With("R3.days=11d")).Of("R3").ShouldBeEmpty();
    }
}
