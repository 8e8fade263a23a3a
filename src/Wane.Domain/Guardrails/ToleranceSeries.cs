using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails;

/// <summary>S2's numbers for one kind, day by day, with the settings they were computed under.</summary>
/// <param name="Kind">Kratom (grams) or opioid (MME).</param>
/// <param name="Unit">The unit of the averages.</param>
/// <param name="RecentDays">S2's recent days (default 7).</param>
/// <param name="BaselineDays">S2's baseline days (default 28).</param>
/// <param name="RisePercent">S2's rise that counts as rising tolerance (default 20%).</param>
/// <param name="Enabled">Whether S2 is on (its numbers are the same either way; only the advisory depends on it).</param>
/// <param name="Days">One entry per local day, oldest first.</param>
public sealed record ToleranceSeries(
    ProductKind Kind,
    NormalUnit Unit,
    int RecentDays,
    int BaselineDays,
    decimal RisePercent,
    bool Enabled,
    IReadOnlyList<ToleranceDay> Days);
