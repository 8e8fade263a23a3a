using Shouldly;
using Wane.Domain.Journal;

namespace Wane.Domain.Tests.Journal;

public class DayTotalsTests
{
    [Fact]
    public void Compute_SumsEachKindInItsOwnUnitAndCountsUncounted()
    {
        var totals = DayTotals.Compute(
        [
            (ProductKind.Opioid, new Normalized(15m, NormalUnit.Mme)),
            (ProductKind.Kratom, new Normalized(2.5m, NormalUnit.Grams)),
            (ProductKind.Kratom, null),
            (ProductKind.Kratom, new Normalized(3m, NormalUnit.Grams)),
        ]);
        totals.ShouldBe(
        [
            new DayTotal(ProductKind.Kratom, 5.5m, NormalUnit.Grams, 3, 1),
            new DayTotal(ProductKind.Opioid, 15m, NormalUnit.Mme, 1, 0),
        ]);
    }

    [Fact]
    public void Compute_NoDoses_NoTotals() => DayTotals.Compute([]).ShouldBeEmpty();

    [Fact]
    public void Normalized_AddingDifferentUnits_Throws() =>
        Should.Throw<InvalidOperationException>(() => new Normalized(1m, NormalUnit.Grams) + new Normalized(1m, NormalUnit.Mme));
}
