namespace Wane.Domain.Journal;

/// <summary>A dose expressed in its kind's common unit, so doses can be totalled.</summary>
/// <param name="Amount">The amount, rounded to 4 decimal places.</param>
/// <param name="Unit">Grams (kratom), MME (opioids) or mg (other).</param>
public readonly record struct Normalized(decimal Amount, NormalUnit Unit)
{
    /// <summary>Adds two amounts in the same unit.</summary>
    public static Normalized operator +(Normalized a, Normalized b) =>
        a.Unit == b.Unit
            ? new(a.Amount + b.Amount, a.Unit)
            : throw new InvalidOperationException($"Cannot add {a.Unit} to {b.Unit}.");
}
