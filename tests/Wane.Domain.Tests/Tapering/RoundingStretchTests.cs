using CsCheck;
using Shouldly;
using Wane.Domain.Tapering;
using static Wane.Domain.Tests.Tapering.Requests;

namespace Wane.Domain.Tests.Tapering;

public class RoundingStretchTests
{
    [Fact]
    public void LongerSteps_TenPercentWeeklyAtHalfGram_TheLastStepsLastLongerThanAWeek()
    {
        var plan = PlanOf(Kratom(start: 10m, pace: Percent(10m), resolution: 0.5m));
        var phase = plan.Phases[0];
        var longer = RoundingStretch.LongerSteps(phase, plan.Holds, 7);
        longer.ShouldNotBeEmpty();
        longer.ShouldAllBe(i => Length(phase.Steps[i]) > 7 && Length(phase.Steps[i]) % 7 == 0);
        // Early steps are one week each; the stretch is near the end.
        longer.Min().ShouldBeGreaterThan(0);
        Length(phase.Steps[0]).ShouldBe(7);
        longer.Select(i => Length(phase.Steps[i])).Max().ShouldBeGreaterThanOrEqualTo(14);
    }

    [Fact]
    public void LongerSteps_LinearPaceInWholeUnits_None()
    {
        var plan = PlanOf(Kratom(start: 10m, pace: Linear(1m), resolution: 0.5m));
        RoundingStretch.LongerSteps(plan.Phases[0], plan.Holds, 7).ShouldBeEmpty();
    }

    [Fact]
    public void LongerSteps_AStepLengthenedByAHold_IsNotBlamedOnRounding()
    {
        var request = new TaperRequest([Kratom(start: 10m, pace: Linear(1m), resolution: 0.5m)], [new Hold(Monday.PlusDays(2), Monday.PlusDays(15))]);
        var plan = PlanOf(request);
        Length(plan.Phases[0].Steps[0]).ShouldBe(21);
        RoundingStretch.LongerSteps(plan.Phases[0], plan.Holds, 7).ShouldBeEmpty();
    }

    [Fact]
    public void LongerSteps_BadInterval_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => RoundingStretch.LongerSteps(PlanOf(Kratom()).Phases[0], [], 0));

    [Fact]
    public void LongerSteps_AnyPercentPlanWithAHold_TheSameStepsAsWithout() =>
        Gen.Select(Gen.Int[20, 200], Gen.Int[5, 30], Gen.Int[1, 14], Gen.OneOf(Gen.Const(0.1m), Gen.Const(0.5m), Gen.Const(1m)), Gen.Int[0, 60], Gen.Int[1, 40])
            .Sample((tenths, percent, interval, resolution, holdStart, holdDays) =>
            {
                var phase = Kratom(start: tenths / 10m, pace: Percent(percent), interval: interval, resolution: resolution);
                var (plain, _) = TaperPlanner.Plan(new TaperRequest([phase]));
                var hold = new Hold(Monday.PlusDays(holdStart), Monday.PlusDays(holdStart + holdDays - 1));
                var (held, _) = TaperPlanner.Plan(new TaperRequest([phase], [hold]));
                if (plain is null || held is null)
                {
                    return; // a request the planner refuses (too long, resolution above the start) has no steps to explain
                }
                RoundingStretch.LongerSteps(held.Phases[0], held.Holds, interval)
                    .ShouldBe(RoundingStretch.LongerSteps(plain.Phases[0], plain.Holds, interval));
            }, iter: 300);
}
