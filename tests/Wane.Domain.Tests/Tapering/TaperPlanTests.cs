using NodaTime;
using Shouldly;
using Wane.Domain.Tapering;
using static Wane.Domain.Tests.Tapering.Requests;

namespace Wane.Domain.Tests.Tapering;

public class TaperPlanTests
{
    // 4 g weekly from Monday 2026-01-05, 1 g a step, a 3-day hold on 2026-01-14..16:
    // 4 g 01-05..01-11, 3 g 01-12..01-21, 2 g 01-22..01-28, 1 g 01-29..02-04, 0 from 02-05.
    private static readonly TaperPlan Held = PlanOf(new TaperRequest(
        [Kratom(start: 4m, pace: Linear(1m))],
        [new Hold(new LocalDate(2026, 1, 14), new LocalDate(2026, 1, 16))]));

    [Theory]
    [InlineData("2026-01-04", null)]
    [InlineData("2026-01-05", 4)]
    [InlineData("2026-01-11", 4)]
    [InlineData("2026-01-12", 3)]
    [InlineData("2026-01-15", 3)]
    [InlineData("2026-01-21", 3)]
    [InlineData("2026-01-22", 2)]
    [InlineData("2026-02-04", 1)]
    [InlineData("2026-02-05", 0)]
    [InlineData("2026-02-11", 0)]
    [InlineData("2027-06-01", 0)]
    public void StepOn_Date_TargetInEffect(string date, int? target) =>
        (Held.StepOn(0, D(date)) is { } step ? step.DailyTarget : (decimal?)null).ShouldBe(target);

    [Fact]
    public void StepOn_BeforeStart_Null() => Held.StepOn(0, D("2026-01-04")).ShouldBeNull();

    [Fact]
    public void StepOn_LongAfterTheEnd_TheFinalZeroStep() => Held.StepOn(0, D("2030-01-01")).ShouldBe(Held.Phases[0].Steps[^1]);

    [Theory]
    [InlineData("2025-12-01", "2026-01-12")]
    [InlineData("2026-01-05", "2026-01-12")]
    [InlineData("2026-01-11", "2026-01-12")]
    [InlineData("2026-01-12", "2026-01-22")]
    [InlineData("2026-01-21", "2026-01-22")]
    [InlineData("2026-02-04", "2026-02-05")]
    [InlineData("2026-02-05", null)]
    [InlineData("2026-03-01", null)]
    public void NextStepDown_Date_FirstDayOfTheNextLowerTarget(string date, string? next) =>
        Held.NextStepDown(0, D(date)).ShouldBe(next is null ? null : D(next));

    [Fact]
    public void StepOn_SecondPhase_UsesItsOwnSchedule()
    {
        var plan = PlanOf(Opioid(start: 20m, pace: Linear(10m)), Kratom(start: 2m, pace: Linear(1m), startDate: D("2026-02-02")));
        plan.StepOn(1, D("2026-01-20")).ShouldBeNull();
        plan.StepOn(1, D("2026-02-02"))!.DailyTarget.ShouldBe(2m);
        plan.StepOn(0, D("2026-02-02"))!.DailyTarget.ShouldBe(0m);
        plan.NextStepDown(1, D("2026-01-20")).ShouldBe(D("2026-02-09"));
    }

    [Fact]
    public void StepOn_NoSuchPhase_Throws() => Should.Throw<ArgumentOutOfRangeException>(() => Held.StepOn(1, D("2026-01-05")));

    [Theory]
    [InlineData("2026-01-13", false)]
    [InlineData("2026-01-14", true)]
    [InlineData("2026-01-16", true)]
    [InlineData("2026-01-17", false)]
    public void IsHeld_Date_TrueInsideAHold(string date, bool held) => Held.IsHeld(D(date)).ShouldBe(held);
}
