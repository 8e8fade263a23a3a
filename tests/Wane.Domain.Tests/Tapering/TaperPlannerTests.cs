using NodaTime;
using Shouldly;
using Wane.Domain.Tapering;
using static Wane.Domain.Tests.Tapering.Requests;

namespace Wane.Domain.Tests.Tapering;

public class TaperPlannerTests
{
    [Fact]
    public void Plan_CdcShortFrom100MmeWeekly_CutsTenPercentOfTheOriginalThenOfTheRemainder()
    {
        // CDC 2022 Rec. 5, weeks-to-months use: 10% of the original a week to 30%, then 10% of what remains
        // (27, 24.3, 21.87…), rounded to 1 MME; equal rounded weeks merge; a final step from 1 to 0.
        var plan = PlanOf(Opioid(start: 100m, pace: new Pace(PaceKind.CdcShort), interval: 7, resolution: 1m, duration: UseDuration.WeeksToMonths));

        Rows(plan.Phases[0]).ShouldBe(
        [
            "2026-01-05..2026-01-11 100",
            "2026-01-12..2026-01-18 90",
            "2026-01-19..2026-01-25 80",
            "2026-01-26..2026-02-01 70",
            "2026-02-02..2026-02-08 60",
            "2026-02-09..2026-02-15 50",
            "2026-02-16..2026-02-22 40",
            "2026-02-23..2026-03-01 30",
            "2026-03-02..2026-03-08 27",
            "2026-03-09..2026-03-15 24", // 24.3
            "2026-03-16..2026-03-22 22", // 21.87
            "2026-03-23..2026-03-29 20", // 19.683
            "2026-03-30..2026-04-05 18", // 17.7147
            "2026-04-06..2026-04-12 16",
            "2026-04-13..2026-04-19 14",
            "2026-04-20..2026-04-26 13",
            "2026-04-27..2026-05-03 12",
            "2026-05-04..2026-05-10 10",
            "2026-05-11..2026-05-17 9",
            "2026-05-18..2026-05-31 8", // 8.47 and 7.63 both round to 8: merged
            "2026-06-01..2026-06-07 7",
            "2026-06-08..2026-06-21 6",
            "2026-06-22..2026-07-05 5",
            "2026-07-06..2026-07-19 4",
            "2026-07-20..2026-08-09 3",
            "2026-08-10..2026-09-13 2",
            "2026-09-14..2026-11-22 1",
            "2026-11-23..2026-11-29 0", // below 0.5 rounds to nothing: the step to zero, one interval long
        ]);
        plan.Phases[0].End.ShouldBe(new LocalDate(2026, 11, 23));
        plan.Start.ShouldBe(Monday);
        plan.End.ShouldBe(new LocalDate(2026, 11, 23));
        plan.Phases[0].Substance.ShouldBe("oxycodone");
        plan.Phases[0].Unit.ShouldBe(PlanUnit.Mme);
    }

    [Fact]
    public void Plan_CdcShort_NoAdvisoryButLostTolerance()
    {
        var plan = PlanOf(Opioid(pace: new Pace(PaceKind.CdcShort), duration: UseDuration.WeeksToMonths));
        plan.Advisories.Select(a => a.Rule).ShouldBe(["T4"]);
    }

    [Theory]
    [InlineData(2026, 3, 1)]  // US DST starts 2026-03-08
    [InlineData(2026, 10, 25)] // US DST ends 2026-11-01; Europe 2026-10-25
    public void Plan_WeeklyAcrossDstChange_StepsAreWholeDates(int y, int m, int d)
    {
        var start = new LocalDate(y, m, d);
        var plan = PlanOf(Kratom(start: 4m, pace: Linear(1m), interval: 7, resolution: 0.5m, startDate: start));
        plan.Phases[0].Steps.Select(s => (s.From, s.To, s.DailyTarget)).ShouldBe(
        [
            (start, start.PlusDays(6), 4m),
            (start.PlusDays(7), start.PlusDays(13), 3m),
            (start.PlusDays(14), start.PlusDays(20), 2m),
            (start.PlusDays(21), start.PlusDays(27), 1m),
            (start.PlusDays(28), start.PlusDays(34), 0m),
        ]);
        plan.End.ShouldBe(start.PlusDays(28));
    }

    [Fact]
    public void Plan_SpringForward2026_StepStartsOnTheSundayItself()
    {
        var plan = PlanOf(Kratom(start: 4m, pace: Linear(1m), startDate: new LocalDate(2026, 3, 1)));
        plan.Phases[0].Steps[1].From.ShouldBe(new LocalDate(2026, 3, 8));
        plan.Phases[0].Steps[0].To.ShouldBe(new LocalDate(2026, 3, 7));
    }

    [Fact]
    public void Plan_LinearNotAMultipleOfResolution_RoundsToNearestAndMergesEqualSteps()
    {
        // 10, 9.7, 9.4, 9.1, 8.8, 8.5, 8.2 … at 1 g: 10, 10, 9, 9, 9, 9 (8.5 rounds up), 8 …
        var plan = PlanOf(Kratom(start: 10m, pace: Linear(0.3m), interval: 1, resolution: 1m));
        var steps = plan.Phases[0].Steps;
        steps[0].ShouldBe(new TaperStep(Monday, Monday.PlusDays(1), 10m, 10m));
        steps[1].ShouldBe(new TaperStep(Monday.PlusDays(2), Monday.PlusDays(5), 9m, 9m));
        steps[2].From.ShouldBe(Monday.PlusDays(6));
        steps[2].DailyTarget.ShouldBe(8m);
    }

    [Fact]
    public void Plan_MidpointRoundsAwayFromZero()
    {
        // 2.5 g at 1 g resolution is 3 g, not 2 (banker's rounding would say 2).
        var plan = PlanOf(Kratom(start: 3m, pace: Steps(2.5m, 1.5m), resolution: 1m));
        plan.Phases[0].Steps.Select(s => s.DailyTarget).ShouldBe([3m, 2m, 0m]);
        plan.Phases[0].Steps[0].To.ShouldBe(Monday.PlusDays(13)); // 3 and 2.5→3 merged
    }

    [Fact]
    public void Plan_ScoredTablet_UsesHalfTablets()
    {
        // 5 mg tablets that can be halved: 2.5 mg steps.
        var plan = PlanOf(Opioid(start: 20m, unit: PlanUnit.Milligrams, pace: Linear(2.5m), resolution: 5m, splittable: true, doses: 2));
        plan.Phases[0].Steps.Select(s => s.DailyTarget).ShouldBe([20m, 17.5m, 15m, 12.5m, 10m, 7.5m, 5m, 2.5m, 0m]);
        plan.Phases[0].Steps.Select(s => s.PerDoseTarget).ShouldBe([10m, 10m, 7.5m, 7.5m, 5m, 5m, 2.5m, 2.5m, 0m]); // 8.75→10, 6.25→7.5, 3.75→5, 1.25→2.5 (midpoints up)
    }

    [Fact]
    public void Plan_UnscoredTablet_RoundsToWholeTablets()
    {
        var plan = PlanOf(Opioid(start: 20m, unit: PlanUnit.Milligrams, pace: Linear(2.5m), resolution: 5m));
        // 20, 17.5→20, 15, 12.5→15, 10, 7.5→10, 5, 2.5→5, 0
        plan.Phases[0].Steps.Select(s => (s.DailyTarget, Length(s))).ShouldBe([(20m, 14), (15m, 14), (10m, 14), (5m, 14), (0m, 7)]);
    }

    [Fact]
    public void Plan_PerDoseBelowOneUnit_IsOneUnit()
    {
        var plan = PlanOf(Kratom(start: 1m, pace: Steps(0.5m, 0.2m), doses: 4, resolution: 0.1m));
        plan.Phases[0].Steps.Select(s => s.PerDoseTarget).ShouldBe([0.3m, 0.1m, 0.1m, 0m]); // 0.25→0.3, 0.125→0.1, 0.05→0.1 (not 0)
    }

    [Fact]
    public void Plan_PercentPace_EndsWithAStepFromTheSmallestAmountToZero()
    {
        var plan = PlanOf(Kratom(start: 2m, pace: Percent(25m), interval: 7, resolution: 0.5m));
        // 2, 1.5, 1.125→1, 0.84→1, 0.63→0.5, 0.47→0.5, 0.356→0.5, 0.267→0.5, 0.2→0
        plan.Phases[0].Steps.Select(s => s.DailyTarget).ShouldBe([2m, 1.5m, 1m, 0.5m, 0m]);
        plan.Phases[0].Steps[^2].From.ShouldBe(Monday.PlusDays(28));
        plan.Phases[0].End.ShouldBe(Monday.PlusDays(56));
    }

    [Fact]
    public void Plan_StepsEndingAboveZero_AddsTheStepToZero()
    {
        var plan = PlanOf(Kratom(start: 6m, pace: Steps(5m, 4m, 4m), interval: 5));
        Rows(plan.Phases[0]).ShouldBe(
        [
            "2026-01-05..2026-01-09 6",
            "2026-01-10..2026-01-14 5",
            "2026-01-15..2026-01-24 4",
            "2026-01-25..2026-01-29 0",
        ]);
    }

    [Fact]
    public void Plan_StepsEndingAtZero_EndsThere()
    {
        var plan = PlanOf(Kratom(start: 6m, pace: Steps(3m, 0m), interval: 5));
        plan.Phases[0].Steps.Select(s => s.DailyTarget).ShouldBe([6m, 3m, 0m]);
        plan.End.ShouldBe(Monday.PlusDays(10));
    }

    [Fact]
    public void Plan_OneHold_LengthensTheStepInEffectAndMovesLaterSteps()
    {
        var request = new TaperRequest([Kratom(start: 4m, pace: Linear(1m))], [new Hold(new LocalDate(2026, 1, 14), new LocalDate(2026, 1, 16))]);
        var plan = PlanOf(request);
        Rows(plan.Phases[0]).ShouldBe(
        [
            "2026-01-05..2026-01-11 4",
            "2026-01-12..2026-01-21 3", // 7 + 3 held days
            "2026-01-22..2026-01-28 2",
            "2026-01-29..2026-02-04 1",
            "2026-02-05..2026-02-11 0",
        ]);
        plan.End.ShouldBe(new LocalDate(2026, 2, 5));
        plan.Holds.ShouldBe([new Hold(new LocalDate(2026, 1, 14), new LocalDate(2026, 1, 16))]);
    }

    [Fact]
    public void Plan_TwoHolds_AddUpAndTheSecondIsReadOnTheMovedSchedule()
    {
        var holds = new[] { new Hold(new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 11)), new Hold(new LocalDate(2026, 1, 19), new LocalDate(2026, 1, 19)) };
        var plan = PlanOf(new TaperRequest([Kratom(start: 4m, pace: Linear(1m))], holds));
        Rows(plan.Phases[0]).ShouldBe(
        [
            "2026-01-05..2026-01-18 4",
            "2026-01-19..2026-01-26 3", // the second hold falls on the first day of the moved 3 g step
            "2026-01-27..2026-02-02 2",
            "2026-02-03..2026-02-09 1",
            "2026-02-10..2026-02-16 0",
        ]);
    }

    [Fact]
    public void Plan_OverlappingHolds_PauseEachDayOnce()
    {
        var holds = new[] { new Hold(new LocalDate(2026, 1, 6), new LocalDate(2026, 1, 10)), new Hold(new LocalDate(2026, 1, 8), new LocalDate(2026, 1, 12)) };
        var plan = PlanOf(new TaperRequest([Kratom(start: 4m, pace: Linear(1m))], holds));
        plan.Phases[0].Steps[0].To.ShouldBe(new LocalDate(2026, 1, 18)); // 7 days + 7 held (6th–12th)
        plan.Holds.ShouldBe([new Hold(new LocalDate(2026, 1, 6), new LocalDate(2026, 1, 12))]);
    }

    [Fact]
    public void Plan_HoldBeforeALaterPhase_MovesThatWholePhase()
    {
        var later = new LocalDate(2026, 3, 2);
        var request = new TaperRequest(
            [Opioid(start: 30m, pace: Linear(10m), interval: 7), Kratom(start: 2m, pace: Linear(1m), startDate: later)],
            [new Hold(new LocalDate(2026, 1, 6), new LocalDate(2026, 1, 7))]);
        var plan = PlanOf(request);
        plan.Phases[0].Steps[0].To.ShouldBe(new LocalDate(2026, 1, 13));
        plan.Phases[1].Steps[0].From.ShouldBe(later.PlusDays(2));
        plan.End.ShouldBe(later.PlusDays(2 + 14));
    }

    [Fact]
    public void Plan_HoldAfterAPhaseReachedZero_LeavesThatPhase()
    {
        var request = new TaperRequest(
            [Opioid(start: 20m, pace: Linear(10m), interval: 7), Kratom(start: 4m, pace: Linear(1m))],
            [new Hold(new LocalDate(2026, 1, 20), new LocalDate(2026, 1, 21))]);
        var plan = PlanOf(request);
        plan.Phases[0].End.ShouldBe(new LocalDate(2026, 1, 19));
        plan.Phases[1].End.ShouldBe(new LocalDate(2026, 2, 4));
    }

    [Fact]
    public void Plan_TwoPhases_EachFromItsOwnStart()
    {
        var request = new TaperRequest([
            Opioid("morphine", start: 60m, unit: PlanUnit.Milligrams, pace: Linear(15m), interval: 14, resolution: 15m),
            Kratom(start: 3m, pace: Linear(1m), interval: 7, startDate: new LocalDate(2026, 2, 2)),
        ]);
        var plan = PlanOf(request);
        plan.Phases.Select(p => (p.Index, p.Substance, p.Unit)).ShouldBe([(0, "morphine", PlanUnit.Milligrams), (1, "kratom", PlanUnit.Grams)]);
        plan.Phases[0].End.ShouldBe(Monday.PlusDays(56));
        plan.Phases[1].End.ShouldBe(new LocalDate(2026, 2, 23));
        plan.Start.ShouldBe(Monday);
        plan.End.ShouldBe(Monday.PlusDays(56));
    }

    [Fact]
    public void Plan_SubstanceNames_AreCaseInsensitiveAndReturnedInWireForm()
    {
        var plan = PlanOf(new TaperRequest([Opioid(" Oxycodone "), Kratom() with { Substance = "KRATOM" }]));
        plan.Phases.Select(p => p.Substance).ShouldBe(["oxycodone", "kratom"]);
    }

    [Fact]
    public void Plan_StartNotAMultipleOfResolution_StartsAtTheNearestMeasurableAmount()
    {
        var plan = PlanOf(Kratom(start: 7.3m, pace: Linear(1m), resolution: 0.5m));
        plan.Phases[0].Steps[0].DailyTarget.ShouldBe(7.5m);
    }

    [Fact]
    public void Plan_ExactlyThreeYears_IsAllowed()
    {
        // 1096 daily steps of 0.001 g from 1.096 g reach zero on day 1096 = 2029-01-05.
        var plan = PlanOf(Kratom(start: 1.096m, pace: Linear(0.001m), interval: 1, resolution: 0.001m));
        plan.End.ShouldBe(Monday.Plus(TaperPlanner.MaxLength));
    }

    [Fact]
    public void Plan_IsDeterministic()
    {
        var request = new TaperRequest([Opioid(pace: Percent(7m)), Kratom()], [new Hold(Monday.PlusDays(3), Monday.PlusDays(9))]);
        var a = PlanOf(request);
        var b = PlanOf(request);
        a.Phases.SelectMany(p => p.Steps).ShouldBe(b.Phases.SelectMany(p => p.Steps));
        a.Advisories.ShouldBe(b.Advisories);
    }
}
