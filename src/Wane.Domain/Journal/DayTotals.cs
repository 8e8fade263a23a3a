namespace Wane.Domain.Journal;

/// <summary>Totals per kind over a set of doses (usually one local day).</summary>
public static class DayTotals
{
    /// <summary>Sums normalized amounts per kind (kratom, opioid, other order); kinds with no doses are left out.</summary>
    public static IReadOnlyList<DayTotal> Compute(IEnumerable<(ProductKind Kind, Normalized? Normalized)> doses)
    {
        ArgumentNullException.ThrowIfNull(doses);
        return doses
            .GroupBy(d => d.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new DayTotal(
                g.Key,
                g.Sum(d => d.Normalized?.Amount ?? 0m),
                NormalUnits.For(g.Key),
                g.Count(),
                g.Count(d => d.Normalized is null)))
            .ToArray();
    }
}
