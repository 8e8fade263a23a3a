using Shouldly;
using Wane.Domain.Units;

namespace Wane.Domain.Tests.Units;

public class AmountTextTests
{
    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("12", 12)]
    [InlineData(" 2.25 ", 2.25)]
    [InlineData(".5", 0.5)]
    public void TryParse_DecimalPoint_Parses(string text, double expected)
    {
        AmountText.TryParse(text, out var value, out var error).ShouldBeTrue(error);
        value.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("0,5")]
    [InlineData("1,000")]
    [InlineData("5,")]
    public void TryParse_DecimalComma_IsRejectedNeverReadAsAnotherNumber(string text)
    {
        AmountText.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("decimal point");
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    public void TryParse_NotANumber_Fails(string text) =>
        AmountText.TryParse(text, out _, out _).ShouldBeFalse();

    [Fact]
    public void Format_UsesPointAndDropsTrailingZeros() => AmountText.Format(0.50m).ShouldBe("0.5");
}
