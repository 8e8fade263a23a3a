namespace Wane.Domain.Journal;

/// <summary>One kind's total for a day.</summary>
/// <param name="Kind">Kratom, opioid or other.</param>
/// <param name="Amount">The sum of the doses that could be normalized.</param>
/// <param name="Unit">Grams, MME or mg.</param>
/// <param name="Doses">How many doses of this kind were taken.</param>
/// <param name="NotCounted">How many of them could not be counted (uncalibrated, no factor).</param>
public sealed record DayTotal(ProductKind Kind, decimal Amount, NormalUnit Unit, int Doses, int NotCounted);
