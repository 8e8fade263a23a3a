using Shouldly;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using Wane.Domain.Units;

namespace Wane.Domain.Tests.Journal;

public class FavouriteAmountsTests
{
    private static readonly ProductSpec Oxy = new(ProductKind.Opioid, ProductForm.Tablet, OpioidName.Oxycodone, MgPerTablet: 5m);

    [Fact]
    public void Validate_UnitsThatFit_RoundTripThroughStorage()
    {
        var (value, errors) = FavouriteAmounts.Validate([(1m, "tablet"), (0.5m, "tablets")], Oxy);
        errors.ShouldBeEmpty();
        var stored = FavouriteAmounts.Format(value!);
        stored.ShouldBe("1 tablet;0.5 tablet");
        FavouriteAmounts.Parse(stored).ShouldBe([new Amount(1m, DoseUnit.Tablet), new Amount(0.5m, DoseUnit.Tablet)]);
    }

    [Theory]
    [InlineData(1, "g")]
    [InlineData(0, "tablet")]
    [InlineData(101, "tablet")]
    [InlineData(1, "oz")]
    public void Validate_NotADoseOfThisProduct_NamesTheItem(int amount, string unit) =>
        FavouriteAmounts.Validate([(2m, "tablet"), (amount, unit)], Oxy).Errors.ShouldHaveSingleItem().Field.ShouldBe("favourites[1]");

    [Fact]
    public void Validate_MoreThanFive_IsRefused() =>
        FavouriteAmounts.Validate(Enumerable.Range(1, 6).Select(i => ((decimal?)i, (string?)"tablet")).ToList(), Oxy).Errors.ShouldHaveSingleItem().Field.ShouldBe("favourites");
}
