using NodaTime;
using Shouldly;
using Wane.Domain.Tapering;
using static Wane.Domain.Tests.Tapering.Requests;

namespace Wane.Domain.Tests.Tapering;

public class AdherenceTests
{
    private static readonly TaperPlan Plan = PlanOf(new TaperRequest(
        [Kratom(start: 4m, pace: Linear(1m), interval: 2, startDate: D("2026-01-05"))],
        [new Hold(D("2026-01-07"), D("2026-01-07"))]));
    // 4 g 01-05..06, 3 g 01-07..09 (held 07), 2 g 01-10..11, 1 g 01-12..13, 0 from 01-14.

    [Fact]
    public void Compute_Range_OneRowPerDayWithTargetActualAndHeld()
    {
        var actual = new Dictionary<LocalDate, decimal> { [D("2026-01-05")] = 4m, [D("2026-01-06")] = 4.5m, [D("2026-01-07")] = 3m, [D("2026-01-13")] = 0.5m, [D("2026-01-14")] = 1m };
        var rows = Adherence.Compute(Plan, 0, actual, D("2026-01-04"), D("2026-01-15"));
        rows.Select(r => (r.Date, r.Target, r.Actual, r.Held)).ShouldBe(
        [
            (D("2026-01-04"), 0m, 0m, false),
            (D("2026-01-05"), 4m, 4m, false),
            (D("2026-01-06"), 4m, 4.5m, false),
            (D("2026-01-07"), 3m, 3m, true),
            (D("2026-01-08"), 3m, 0m, false),
            (D("2026-01-09"), 3m, 0m, false),
            (D("2026-01-10"), 2m, 0m, false),
            (D("2026-01-11"), 2m, 0m, false),
            (D("2026-01-12"), 1m, 0m, false),
            (D("2026-01-13"), 1m, 0.5m, false),
            (D("2026-01-14"), 0m, 1m, false),
            (D("2026-01-15"), 0m, 0m, false),
        ]);
        rows.Select(r => r.WithinTarget).ShouldBe([true, true, false, true, true, true, true, true, true, true, false, true]);
    }

    [Fact]
    public void Compute_HoldsGiven_MarksThoseInsteadOfThePlans()
    {
        var rows = Adherence.Compute(Plan, 0, new Dictionary<LocalDate, decimal>(), D("2026-01-06"), D("2026-01-08"), [new Hold(D("2026-01-08"), D("2026-01-20"))]);
        rows.Select(r => r.Held).ShouldBe([false, false, true]);
    }

    [Fact]
    public void Compute_EndBeforeStart_NoRows() =>
        Adherence.Compute(Plan, 0, new Dictionary<LocalDate, decimal>(), D("2026-01-08"), D("2026-01-07")).ShouldBeEmpty();

    [Fact]
    public void Compute_SingleDay_OneRow() =>
        Adherence.Compute(Plan, 0, new Dictionary<LocalDate, decimal>(), D("2026-01-08"), D("2026-01-08")).Single().Target.ShouldBe(3m);

    [Fact]
    public void Compute_UpToTheLastDateThereIs_DoesNotThrow() =>
        Adherence.Compute(Plan, 0, new Dictionary<LocalDate, decimal>(), LocalDate.MaxIsoValue.PlusDays(-1), LocalDate.MaxIsoValue).Count.ShouldBe(2);
}
