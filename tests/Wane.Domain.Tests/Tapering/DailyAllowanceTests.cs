using Shouldly;
using Wane.Domain.Journal;
using Wane.Domain.Tapering;
using static Wane.Domain.Tests.Tapering.Requests;

namespace Wane.Domain.Tests.Tapering;

public class DailyAllowanceTests
{
    [Fact]
    public void On_KratomPhase_IsItsDailyTargetInGrams()
    {
        var request = new TaperRequest([Kratom(8m, Linear(1m), 7, 2, 0.5m, false, Monday)], []);
        DailyAllowance.On(request, PlanOf(request), Monday).ShouldBe((new Normalized(8m, NormalUnit.Grams), (Normalized?)null));
    }

    [Fact]
    public void On_OpioidPhaseInMilligrams_IsConvertedWithTheCdcFactor()
    {
        // Oxycodone: 1.5 MME per mg (CDC 2022).
        var request = new TaperRequest([Opioid("oxycodone", 20m, PlanUnit.Milligrams, Linear(5m), 7, 2, 5m, false, Monday, UseDuration.Unknown)], []);
        DailyAllowance.On(request, PlanOf(request), Monday).ShouldBe(((Normalized?)null, new Normalized(30m, NormalUnit.Mme)));
    }

    [Fact]
    public void On_DayOutsideThePlan_IsNothing()
    {
        var request = new TaperRequest([Kratom(8m, Linear(1m), 7, 2, 0.5m, false, Monday)], []);
        DailyAllowance.On(request, PlanOf(request), Monday.PlusDays(-1)).ShouldBe(((Normalized?)null, (Normalized?)null));
    }

    [Fact]
    public void MmePerPlanUnit_KratomPhase_HasNone() =>
        Should.Throw<ArgumentException>(() => DailyAllowance.MmePerPlanUnit(Kratom(8m, Linear(1m), 7, 2, 0.5m, false, Monday)));
}
