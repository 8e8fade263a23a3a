using Shouldly;
using Wane.Domain.Journal;
using Wane.Domain.Units;

namespace Wane.Domain.Tests.Units;

public class DoseUnitsTests
{
    [Theory]
    [InlineData("g", DoseUnit.Gram)]
    [InlineData("MG", DoseUnit.Milligram)]
    [InlineData("capsules", DoseUnit.Capsule)]
    [InlineData("µg", DoseUnit.Microgram)]
    [InlineData("mcg/h", DoseUnit.MicrogramPerHour)]
    [InlineData("tsp", DoseUnit.Teaspoon)]
    public void TryParse_KnownNames_Parse(string text, DoseUnit expected)
    {
        DoseUnits.TryParse(text, out var unit).ShouldBeTrue();
        unit.ShouldBe(expected);
    }

    [Theory]
    [InlineData("oz")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Unknown_Fails(string? text) => DoseUnits.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Name_RoundTripsEveryUnit()
    {
        foreach (var unit in Enum.GetValues<DoseUnit>())
        {
            DoseUnits.TryParse(unit.Name(), out var back).ShouldBeTrue();
            back.ShouldBe(unit);
        }
    }

    [Fact]
    public void WireName_IsKebabCaseAndRoundTrips()
    {
        WireName.Of(MealTiming.AfterLarge).ShouldBe("after-large");
        WireName.TryParse<MealTiming>("After-Large", out var meal).ShouldBeTrue();
        meal.ShouldBe(MealTiming.AfterLarge);
        WireName.TryParse<MealTiming>("lunch", out _).ShouldBeFalse();
    }
}
