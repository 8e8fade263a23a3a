namespace Wane.Domain.Tapering;

/// <summary>How fast a phase comes down. Which parameter applies depends on <paramref name="Kind"/>.</summary>
/// <param name="Kind">The shape of the taper.</param>
/// <param name="Amount">Linear: the cut per step, in the phase's unit.</param>
/// <param name="Percent">Percent: the cut per step as a percent of the current amount (0 &lt; p &lt; 100).</param>
/// <param name="Amounts">Steps: the daily amounts after the start amount, non-increasing; 0 may be the last.</param>
public sealed record Pace(PaceKind Kind, decimal? Amount = null, decimal? Percent = null, IReadOnlyList<decimal>? Amounts = null);
