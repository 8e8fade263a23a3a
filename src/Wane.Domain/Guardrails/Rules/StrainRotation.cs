using NodaTime;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>Which strain to rotate to (R2's suggestion and the Today view).</summary>
internal static class StrainRotation
{
    /// <summary>
    /// The in-stock strain other than <paramref name="exclude"/> used least recently in
    /// <paramref name="history"/>: never-used strains first (in stock order), then the one with the
    /// oldest last use. Null when no other strain is in stock.
    /// </summary>
    public static string? Suggest(IReadOnlyList<StockItem> stock, IReadOnlyList<DoseFact> history, string? exclude)
    {
        var lastUse = new Dictionary<string, Instant>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < history.Count; i++)
        {
            var d = history[i];
            if (d.Kind == ProductKind.Kratom && !string.IsNullOrWhiteSpace(d.Strain))
            {
                lastUse[d.Strain.Trim()] = d.TakenAt; // ascending, so the last write is the latest use
            }
        }
        string? best = null;
        Instant? bestLast = null;
        foreach (var item in stock)
        {
            if (!item.InStock || string.IsNullOrWhiteSpace(item.Strain) || RuleText.SameName(item.Strain, exclude))
            {
                continue;
            }
            var strain = item.Strain.Trim();
            Instant? last = lastUse.TryGetValue(strain, out var t) ? t : null;
            if (best is null || Older(last, bestLast))
            {
                best = strain;
                bestLast = last;
            }
        }
        return best;
    }

    private static bool Older(Instant? candidate, Instant? best) =>
        candidate is null ? best is not null : best is not null && candidate < best;
}
