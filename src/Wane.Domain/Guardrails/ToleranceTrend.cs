using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails;

/// <summary>One kind's daily average lately against the weeks before (S2's numbers, for the Today view).</summary>
/// <param name="Kind">Kratom (grams) or opioid (MME).</param>
/// <param name="Unit">The unit of the averages.</param>
/// <param name="RecentDailyAverage">Average daily total over S2's recent days, today included (4 decimal places).</param>
/// <param name="BaselineDailyAverage">
/// Average daily total over S2's baseline days before them, from the first logged dose of the kind
/// in that period (days before it are unknown, not zero); 0 with no earlier dose.
/// </param>
/// <param name="PercentChange">Change from baseline to recent, whole percent; null without a baseline above zero.</param>
/// <param name="Rising">Whether the change reaches S2's rise.</param>
public sealed record ToleranceTrend(ProductKind Kind, NormalUnit Unit, decimal RecentDailyAverage, decimal BaselineDailyAverage, decimal? PercentChange, bool Rising);
