using NodaTime;
using Wane.Domain.Tapering;
using Wane.Domain.Time;

namespace Wane.Domain.CheckIns;

/// <summary>
/// The days a plan waits because of withdrawal: a day is held when the latest SOWS by its end meets the
/// hold rule (<see cref="HoldRule"/>), unless the person chose to go on (from the day they did, until a new SOWS).
/// </summary>
public static class WithdrawalHolds
{
    /// <summary>
    /// The held runs from <paramref name="start"/> (or the first reading's day) to <paramref name="today"/>; a run
    /// still held today ends today. Linear in days and readings: the rule depends only on the first three
    /// readings (the baseline) and the latest, so each reading is judged once.
    /// </summary>
    public static IReadOnlyList<Hold> During(IReadOnlyList<ScoredReading> readings, LocalDays days, HoldSettings settings, LocalDate start, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(settings);
        var holds = new List<Hold>();
        if (readings.Count == 0)
        {
            return holds;
        }
        // OrderBy is stable: readings taken at the same instant keep the order given, as HoldRule keeps it.
        var ordered = readings.OrderBy(r => r.TakenAt).ToArray();
        LocalDate? runStart = null;
        var next = 0;
        var holding = false;
        var first = days.DayOf(ordered[0].TakenAt);
        for (var day = first < start ? start : first; day <= today; day = day.PlusDays(1))
        {
            var end = days.StartOf(day.PlusDays(1));
            if (next < ordered.Length && ordered[next].TakenAt < end)
            {
                while (next < ordered.Length && ordered[next].TakenAt < end)
                {
                    next++;
                }
                holding = HoldRule.Decide(Deciding(ordered, next, days), settings).Hold;
            }
            var latest = next > 0 ? ordered[next - 1] : null;
            var held = latest is not null && holding && !(latest.OverriddenAt is { } o && days.DayOf(o) <= day);
            if (held)
            {
                runStart ??= day;
            }
            else if (runStart is { } s)
            {
                holds.Add(new Hold(s, day.PlusDays(-1)));
                runStart = null;
            }
        }
        if (runStart is { } open)
        {
            holds.Add(new Hold(open, today));
        }
        return holds;
    }

    /// <summary>
    /// Whether the plan waits now because of the latest reading: the hold rule over the readings taken during the
    /// plan (in the order taken), unless the person chose to go on despite that reading.
    /// </summary>
    public static HoldDecision Now(IReadOnlyList<ScoredReading> readings, LocalDays days, HoldSettings settings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(settings);
        if (readings.Count == 0)
        {
            return new HoldDecision(false, null, null, null);
        }
        var decision = HoldRule.Decide([.. readings.Select(r => new SowsReading(days.DayOf(r.TakenAt), r.TakenAt, r.Total))], settings);
        return readings[^1].OverriddenAt is null ? decision : decision with { Hold = false, Reason = null };
    }

    // The readings the rule looks at among the first `count`: the baseline's first three and the latest.
    private static SowsReading[] Deciding(ScoredReading[] ordered, int count, LocalDays days)
    {
        var take = count <= 4 ? Enumerable.Range(0, count) : [0, 1, 2, count - 1];
        return [.. take.Select(i => new SowsReading(days.DayOf(ordered[i].TakenAt), ordered[i].TakenAt, ordered[i].Total))];
    }
}
