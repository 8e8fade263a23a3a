using NodaTime;
using Shouldly;
using Wane.Domain.CheckIns;

namespace Wane.Domain.Tests.CheckIns;

public class HoldRuleTests
{
    private static readonly HoldSettings Defaults = new();

    /// <summary>One reading a day from 2025-03-01, at 08:00 UTC, in the order given.</summary>
    private static SowsReading[] Daily(params int[] totals) =>
        totals.Select((t, i) =>
        {
            var date = new LocalDate(2025, 3, 1).PlusDays(i);
            return new SowsReading(date, date.At(new LocalTime(8, 0)).InUtc().ToInstant(), t);
        }).ToArray();

    [Fact]
    public void Decide_NoReadings_NoHold() =>
        HoldRule.Decide([], Defaults).ShouldBe(new HoldDecision(false, null, null, null));

    [Fact]
    public void Decide_LatestTen_NoHold() =>
        HoldRule.Decide(Daily(10), Defaults).ShouldBe(new HoldDecision(false, null, null, 10));

    [Fact]
    public void Decide_LatestEleven_HoldAtTheThreshold()
    {
        var d = HoldRule.Decide(Daily(11), Defaults);
        d.Hold.ShouldBeTrue();
        d.Latest.ShouldBe(11);
        d.Baseline.ShouldBeNull();
        var reason = d.Reason.ShouldNotBeNull();
        reason.ShouldContain("11 of 64");
        reason.ShouldContain("threshold of 11");
        reason.ShouldContain("\"moderate\"");
        reason.ShouldContain("bands used in NIDA CTN research");
        reason.ShouldContain("not clinical cut-offs");
        reason.ShouldContain("2025-03-01");
        reason.ShouldContain(Instruments.KratomNote);
        reason.ShouldNotContain("17");
    }

    [Fact]
    public void Decide_CustomThreshold_Used()
    {
        HoldRule.Decide(Daily(14), new HoldSettings(Threshold: 15)).Hold.ShouldBeFalse();
        HoldRule.Decide(Daily(15), new HoldSettings(Threshold: 15)).Hold.ShouldBeTrue();
    }

    [Fact]
    public void Decide_RiseOfFiveAboveBaseline_NoHold() =>
        HoldRule.Decide(Daily(2, 4, 3, 8), Defaults).ShouldBe(new HoldDecision(false, null, 3, 8));

    [Fact]
    public void Decide_RiseOfSixAboveBaseline_Hold()
    {
        var d = HoldRule.Decide(Daily(2, 4, 3, 9), Defaults);
        d.Hold.ShouldBeTrue();
        d.Baseline.ShouldBe(3);
        d.Latest.ShouldBe(9);
        var reason = d.Reason.ShouldNotBeNull();
        reason.ShouldContain("6 points above your baseline of 3");
        reason.ShouldContain("\"mild\"");
        reason.ShouldContain("bands used in NIDA CTN research");
        reason.ShouldNotContain("threshold");
    }

    [Fact]
    public void Decide_AboveThresholdAndRisen_ReasonGivesBoth()
    {
        var reason = HoldRule.Decide(Daily(1, 2, 3, 12), Defaults).Reason.ShouldNotBeNull();
        reason.ShouldContain("threshold of 11");
        reason.ShouldContain("10 points above your baseline of 2");
    }

    [Fact]
    public void Decide_Baseline_IsTheMedianOfTheFirstThreeNotTheMean() =>
        // Mean of 10, 1, 2 would be 4.33; median is 2. Later readings do not move it.
        HoldRule.Decide(Daily(10, 1, 2, 0, 0, 5), Defaults).Baseline.ShouldBe(2);

    [Fact]
    public void Decide_Baseline_UsesTheFirstThreeByTime()
    {
        var readings = Daily(10, 1, 2, 7);
        var shuffled = new[] { readings[3], readings[1], readings[0], readings[2] };
        var d = HoldRule.Decide(shuffled, Defaults);
        d.Baseline.ShouldBe(2);
        d.Latest.ShouldBe(7);
        d.Hold.ShouldBeFalse(); // 7 < 2 + 6 and < 11
    }

    [Fact]
    public void Decide_FewerThanThreeReadings_ThresholdOnly()
    {
        var d = HoldRule.Decide(Daily(0, 10), Defaults);
        d.ShouldBe(new HoldDecision(false, null, null, 10)); // 10 points up, but no baseline yet
    }

    [Fact]
    public void Decide_ExactlyThreeReadings_BaselineKnown() =>
        HoldRule.Decide(Daily(0, 0, 6), Defaults).ShouldSatisfyAllConditions(
            d => d.Baseline.ShouldBe(0),
            d => d.Hold.ShouldBeTrue());

    [Fact]
    public void Decide_HighThenLow_LatestDecidesNoHold() =>
        HoldRule.Decide(Daily(20, 5), Defaults).ShouldBe(new HoldDecision(false, null, null, 5));

    [Fact]
    public void Decide_HighThenLowGivenOutOfOrder_LatestByTimeDecides()
    {
        var r = Daily(3, 3, 3, 20, 5);
        HoldRule.Decide([r[4], r[3], r[0], r[1], r[2]], Defaults).ShouldBe(new HoldDecision(false, null, 3, 5));
    }

    [Fact]
    public void Decide_TotalOutsideTheScale_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => HoldRule.Decide(Daily(65), Defaults));
}
