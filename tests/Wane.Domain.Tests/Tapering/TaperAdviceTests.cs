using System.Text.RegularExpressions;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Opioids;
using Wane.Domain.Tapering;
using static Wane.Domain.Tests.Tapering.Requests;

namespace Wane.Domain.Tests.Tapering;

public partial class TaperAdviceTests
{
    private static IReadOnlyList<Advisory> AdviceFor(params PhaseRequest[] phases) => PlanOf(phases).Advisories;

    private static string[] Rules(params PhaseRequest[] phases) => [.. AdviceFor(phases).Select(a => a.Rule)];

    [Fact]
    public void Plan_OpioidTwentyPercentAWeekAfterAYear_CautionsT1WithNumbers()
    {
        var t1 = AdviceFor(Opioid(start: 100m, pace: Percent(20m), interval: 7, duration: UseDuration.YearOrMore)).Single(a => a.Rule == "T1");
        t1.Level.ShouldBe(AdvisoryLevel.Caution);
        t1.Source.ShouldBe(Source.Cdc2022);
        t1.Message.ShouldContain("from 100 to 80 MME a day after 7 days cuts 20% of the current dose");
        t1.Message.ShouldContain("61.6% of the current dose a month");
        t1.Message.ShouldContain("about 10% a month or slower");
        t1.Message.ShouldContain(MmeFactors.Caution);
        t1.Why.ShouldContain("Agnoli");
        t1.Suggestion.ShouldNotBeNull().ShouldContain("pausing a taper is acceptable");
    }

    [Fact]
    public void Plan_OpioidTenPercentAMonthAfterAYear_NoT1() =>
        Rules(Opioid(start: 100m, pace: Percent(10m), interval: 30, resolution: 5m, duration: UseDuration.YearOrMore)).ShouldNotContain("T1");

    [Fact]
    public void Plan_OpioidWeeklyStepsEquivalentToTenPercentAMonth_NoT1() =>
        // 2.4% a week compounds to 9.9% a month.
        Rules(Opioid(start: 100m, pace: Percent(2.4m), interval: 7, resolution: 5m, duration: UseDuration.YearOrMore)).ShouldNotContain("T1");

    [Fact]
    public void Plan_OpioidLinearMonthly_T1WhenTheSameCutBecomesMoreThanTenPercentOfWhatRemains()
    {
        var t1 = AdviceFor(Opioid(start: 100m, pace: Linear(10m), interval: 30, duration: UseDuration.YearOrMore)).Single(a => a.Rule == "T1");
        t1.Message.ShouldContain("from 90 to 80 MME a day after 30 days cuts 11.1% of the current dose");
        t1.Message.ShouldContain("9 of the plan's 10 cuts are faster");
    }

    [Fact]
    public void Plan_CdcShortPaceWithUseOfAYearOrMore_T1() =>
        Rules(Opioid(pace: new Pace(PaceKind.CdcShort), duration: UseDuration.YearOrMore)).ShouldContain("T1");

    [Fact]
    public void Plan_OpioidDurationUnknown_ChecksTheSlowerPaceAndSaysDurationDecides()
    {
        var t1 = AdviceFor(Opioid(pace: new Pace(PaceKind.CdcShort), duration: UseDuration.Unknown)).Single(a => a.Rule == "T1");
        t1.Message.ShouldContain("How long the opioid has been used decides the pace");
        Rules(Opioid(start: 100m, pace: Percent(10m), interval: 30, resolution: 5m)).ShouldNotContain("T1");
    }

    [Theory]
    [InlineData(20, 7)]   // 20% of the original a week
    [InlineData(15, 7)]
    [InlineData(10, 5)]   // 10% of the original every 5 days is 14% a week
    public void Plan_WeeksToMonthsCutFasterThanTenPercentOfTheOriginalAWeek_T1(int cut, int interval) =>
        Rules(Opioid(start: 100m, pace: Linear(cut), interval: interval, duration: UseDuration.WeeksToMonths)).ShouldContain("T1");

    [Fact]
    public void Plan_WeeksToMonthsTenPercentOfTheOriginalUntilThirtyThenOfTheRemainder_NoT1()
    {
        Rules(Opioid(start: 100m, pace: new Pace(PaceKind.CdcShort), interval: 7, duration: UseDuration.WeeksToMonths)).ShouldNotContain("T1");
        Rules(Opioid(start: 100m, pace: new Pace(PaceKind.CdcShort), interval: 14, duration: UseDuration.WeeksToMonths)).ShouldNotContain("T1");
    }

    [Fact]
    public void Plan_WeeksToMonthsTenOfTheOriginalBelowThirtyPercent_T1()
    {
        // Below 30% of the original, CDC's pace is 10% of what remains: 10 MME from 30 is a third.
        var t1 = AdviceFor(Opioid(start: 100m, pace: Linear(10m), interval: 7, duration: UseDuration.WeeksToMonths)).Single(a => a.Rule == "T1");
        t1.Message.ShouldContain("from 30 to 20 MME a day after 7 days cuts 33.3% of the current dose");
        t1.Message.ShouldContain("of the current dose a week");
    }

    [Fact]
    public void Plan_OpioidInMilligrams_NoMmeCaution() =>
        AdviceFor(Opioid(start: 40m, unit: PlanUnit.Milligrams, pace: Percent(20m), resolution: 5m, splittable: true)).Single(a => a.Rule == "T1")
            .Message.ShouldNotContain(MmeFactors.Caution);

    [Fact]
    public void Plan_KratomTwentyPercentAWeek_CautionsT2()
    {
        var t2 = AdviceFor(Kratom(start: 10m, pace: Percent(20m), interval: 7)).Single(a => a.Rule == "T2");
        t2.Level.ShouldBe(AdvisoryLevel.Caution);
        t2.Source.ShouldBe(TaperSources.KratomPace);
        t2.Message.ShouldContain("from 10 to 8 g a day after 7 days cuts 20% of the current amount: 20% of the current amount a week");
        t2.Why.ShouldContain("no study has validated them");
    }

    [Theory]
    [InlineData(5, 7)]
    [InlineData(10, 7)]
    [InlineData(7, 5)] // 7% every 5 days is 9.7% a week
    public void Plan_KratomAtOrBelowTenPercentAWeek_NoT2(int percent, int interval) =>
        Rules(Kratom(start: 10m, pace: Percent(percent), interval: interval)).ShouldNotContain("T2");

    [Fact]
    public void Plan_KratomListEndingWellAboveTheResolution_T2ForTheDropToZero()
    {
        var t2 = AdviceFor(Kratom(start: 10m, pace: Steps(9.5m, 9m), interval: 7)).Single(a => a.Rule == "T2");
        t2.Message.ShouldContain("from 9 to 0 g");
    }

    [Fact]
    public void Plan_KratomPhase_InfoT3WithoutPresentingKratomAsTreatment()
    {
        var t3 = AdviceFor(Kratom()).Single(a => a.Rule == "T3");
        t3.Level.ShouldBe(AdvisoryLevel.Info);
        t3.Message.ShouldContain("No taper protocol for kratom has been validated");
        t3.Why.ShouldContain("Kratom is not an approved treatment");
        t3.Why.ShouldContain("buprenorphine, methadone and naltrexone");
        t3.Source.ShouldBe(TaperSources.KratomNoProtocol);
        t3.Source.Citation.ShouldContain("TIP) 63");
    }

    [Fact]
    public void Plan_TwoKratomPhases_T3ForEachNamingThePhase()
    {
        var t3 = AdviceFor(Kratom(), Kratom(startDate: Monday.PlusDays(30))).Where(a => a.Rule == "T3").ToArray();
        t3.Length.ShouldBe(2);
        t3[0].Message.ShouldStartWith("Phase 1 (kratom): ");
        t3[1].Message.ShouldStartWith("Phase 2 (kratom): ");
    }

    [Fact]
    public void Plan_OpioidPhase_NoKratomAdvice() =>
        Rules(Opioid(pace: Percent(50m))).ShouldBe(["T1", "T4"]);

    [Fact]
    public void Plan_KratomOnly_T4CautionLast()
    {
        var advisories = AdviceFor(Kratom(pace: Percent(30m)));
        advisories.Select(a => a.Rule).ShouldBe(["T2", "T3", "T4"]);
        var t4 = advisories[^1];
        t4.Level.ShouldBe(AdvisoryLevel.Caution);
        t4.Source.ShouldBe(TaperSources.LostTolerance);
        t4.Message.ShouldContain("The plan reaches zero on ");
    }

    [Fact]
    public void Plan_WithAnOpioidPhase_T4DangerWithNaloxone()
    {
        var plan = PlanOf(Kratom(), Opioid(duration: UseDuration.WeeksToMonths));
        var t4 = plan.Advisories[^1];
        t4.Rule.ShouldBe("T4");
        t4.Level.ShouldBe(AdvisoryLevel.Danger);
        t4.Message.ShouldContain("fatal overdose");
        t4.Message.ShouldContain(Wane.Domain.Time.TimeText.Format(plan.End));
        t4.Suggestion.ShouldNotBeNull().ShouldContain("naloxone");
        t4.Suggestion.ShouldContain("29 Mar 2023");
        plan.Advisories.Count(a => a.Rule == "T4").ShouldBe(1);
    }

    [Fact]
    public void Plan_CommaDecimalCulture_AdvisoriesKeepDecimalPoints()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var t1 = AdviceFor(Opioid(start: 100m, pace: Linear(10m), interval: 30, duration: UseDuration.YearOrMore)).Single(a => a.Rule == "T1");
            t1.Message.ShouldContain("11.1%");
            t1.Message.ShouldNotContain("11,1");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Plan_AnyAdvice_NeverProposesAnAmount()
    {
        var plans = new[]
        {
            PlanOf(Opioid(pace: Percent(30m), duration: UseDuration.YearOrMore)),
            PlanOf(Opioid(pace: Linear(25m), duration: UseDuration.WeeksToMonths)),
            PlanOf(Kratom(pace: Percent(40m)), Opioid(pace: Percent(40m), unit: PlanUnit.Milligrams)),
        };
        foreach (var a in plans.SelectMany(p => p.Advisories))
        {
            a.Source.Citation.ShouldNotBeNullOrWhiteSpace();
            (a.Suggestion ?? "").ShouldNotMatch(AmountPattern().ToString());
            a.Why.ShouldNotMatch(AmountPattern().ToString());
        }
    }

    [GeneratedRegex(@"\d\s*(g|mg|MME)\b")]
    private static partial Regex AmountPattern();
}
