namespace Wane.Domain.Units;

/// <summary>A measured quantity: a value in a unit, exactly as recorded.</summary>
/// <param name="Value">The number (decimal, so 0.1 g stays 0.1 g).</param>
/// <param name="Unit">The unit.</param>
public readonly record struct Amount(decimal Value, DoseUnit Unit)
{
    /// <summary>Scales an amount, keeping its unit.</summary>
    public static Amount operator *(Amount amount, decimal factor) => new(amount.Value * factor, amount.Unit);

    /// <inheritdoc />
    public override string ToString() => $"{AmountText.Format(Value)} {Unit.Name()}";
}
