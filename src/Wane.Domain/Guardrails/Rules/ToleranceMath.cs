using NodaTime;
using Wane.Domain.Journal;
using Wane.Domain.Time;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>
/// S2's numbers (also shown on the Today view): the average daily total of one kind over the recent
/// local days, and over the baseline days before them.
/// </summary>
internal static class ToleranceMath
{
    /// <summary>The two averages, and how many baseline days they were taken over.</summary>
    public readonly record struct Numbers(decimal Recent, decimal Baseline, int BaselineDays, bool HasData);

    /// <summary>
    /// Averages over the <paramref name="recentDays"/> local days ending with <paramref name="lastDay"/>
    /// (plus <paramref name="extra"/> on that day: the candidate) and the <paramref name="baselineDays"/>
    /// days before them. Only normalized amounts count. Baseline days before the first logged dose of
    /// the kind are unknown, not zero, so the baseline is averaged from that day on; with no dose of
    /// the kind before the recent days, <see cref="Numbers.BaselineDays"/> is 0.
    /// </summary>
    public static Numbers Compute(LocalDays days, IReadOnlyList<DoseFact> history, ProductKind kind, LocalDate lastDay, decimal extra, int recentDays, int baselineDays)
    {
        var unit = NormalUnits.For(kind);
        var recentFirst = lastDay.PlusDays(-(recentDays - 1));
        var baselineFirst = recentFirst.PlusDays(-baselineDays);
        var recentStart = days.StartOf(recentFirst);
        var baselineStart = days.StartOf(baselineFirst);
        var end = days.StartOf(lastDay.PlusDays(1));
        decimal recent = extra, baseline = 0m;
        Instant? firstBaselineDose = null;
        var hasData = extra > 0m;
        for (var i = 0; i < history.Count; i++)
        {
            var d = history[i];
            if (d.Kind != kind || d.TakenAt < baselineStart || d.TakenAt >= end)
            {
                continue;
            }
            hasData = true;
            var amount = d.Normalized is { } n && n.Unit == unit ? n.Amount : 0m;
            if (d.TakenAt >= recentStart)
            {
                recent += amount;
            }
            else
            {
                firstBaselineDose ??= d.TakenAt;
                baseline += amount;
            }
        }
        var counted = firstBaselineDose is { } f ? Period.DaysBetween(days.DayOf(f), recentFirst) : 0;
        return new Numbers(
            recent / recentDays,
            counted > 0 ? baseline / counted : 0m,
            counted,
            hasData);
    }

    /// <summary>Whether the recent average is at least <paramref name="risePercent"/> above a non-zero baseline.</summary>
    public static bool Rising(Numbers n, decimal risePercent) =>
        n.BaselineDays > 0 && n.Baseline > 0m && n.Recent >= n.Baseline * (1m + (risePercent / 100m));

    /// <summary>The change from baseline to recent in percent, whole; null without a baseline.</summary>
    public static decimal? PercentChange(Numbers n) =>
        n.BaselineDays > 0 && n.Baseline > 0m
            ? Math.Round((n.Recent - n.Baseline) / n.Baseline * 100m, 0, MidpointRounding.AwayFromZero)
            : null;
}
