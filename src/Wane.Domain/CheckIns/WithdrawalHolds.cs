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
    /// still held today ends today. Linear in readings, whatever the number of days: the rule depends only on the
    /// first three readings (the baseline) and the latest, so the held status changes only on a day with a reading
    /// or the day the person chose to go on; each reading's day is looked up once, and a stretch of days between
    /// readings is judged once.
    /// </summary>
    public static IReadOnlyList<Hold> During(IReadOnlyList<ScoredReading> readings, LocalDays days, HoldSettings settings, LocalDate start, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(settings);
        var runs = new Runs();
        if (readings.Count == 0)
        {
            return runs.Holds;
        }
        var max = Instruments.Sows.MaxTotal;
        Guard.InRange(settings.Threshold, 1, max, "settings.Threshold");
        Guard.InRange(settings.Rise, 1, max, "settings.Rise");
        // OrderBy is stable: readings taken at the same instant keep the order given, as HoldRule keeps it.
        var ordered = readings.OrderBy(r => r.TakenAt).ToArray();
        var dayOf = new LocalDate[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            Guard.InRange(ordered[i].Total, 0, max, "readings[i].Total");
            dayOf[i] = days.DayOf(ordered[i].TakenAt);
        }
        int? baseline = null;
        var next = 0;
        while (next < ordered.Length)
        {
            // The readings up to the end of `day` are judged together on it; before the plan starts, on its first day.
            var day = dayOf[next] < start ? start : dayOf[next];
            if (day > today)
            {
                break;
            }
            while (next < ordered.Length && dayOf[next] <= day)
            {
                next++;
            }
            if (baseline is null && next >= 3)
            {
                baseline = Median(ordered[0].Total, ordered[1].Total, ordered[2].Total);
            }
            var latest = ordered[next - 1];
            var last = next < ordered.Length && dayOf[next].PlusDays(-1) < today ? dayOf[next].PlusDays(-1) : today;
            if (HoldRule.Holds(latest.Total, baseline, settings))
            {
                // Going on despite the reading ends the hold from the day the person chose to.
                if (latest.OverriddenAt is { } o && days.DayOf(o) is var chosen && chosen <= last)
                {
                    last = chosen.PlusDays(-1);
                }
                runs.Add(day, last);
            }
        }
        return runs.Holds;
    }

    /// <summary>The held runs through <paramref name="through"/>, to be continued later by <see cref="After"/>.</summary>
    public static SettledHolds Settle(IReadOnlyList<ScoredReading> readings, LocalDays days, HoldSettings settings, LocalDate start, LocalDate through) =>
        new(through, During(readings, days, settings, start, through));

    /// <summary>
    /// The same runs as <see cref="During"/> over every reading, from a settled prefix and only the readings a later
    /// day can depend on: <paramref name="deciding"/> holds the first three readings (the baseline), the latest taken
    /// before the day after <see cref="SettledHolds.Through"/> starts, and every reading taken since.
    /// </summary>
    public static IReadOnlyList<Hold> After(SettledHolds settled, IReadOnlyList<ScoredReading> deciding, LocalDays days, HoldSettings settings, LocalDate start, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(settled);
        var runs = new Runs();
        foreach (var h in settled.Holds.Where(h => h.From <= today))
        {
            runs.Add(h.From, h.To < today ? h.To : today);
        }
        if (today <= settled.Through)
        {
            return runs.Holds;
        }
        var from = settled.Through.PlusDays(1);
        foreach (var h in During(deciding, days, settings, from < start ? start : from, today))
        {
            runs.Add(h.From, h.To);
        }
        return runs.Holds;
    }

    private static int Median(int a, int b, int c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    /// <summary>Held stretches of days in date order, joined where they touch.</summary>
    private sealed class Runs
    {
        public List<Hold> Holds { get; } = [];

        public void Add(LocalDate from, LocalDate to)
        {
            if (to < from)
            {
                return;
            }
            if (Holds.Count > 0 && Holds[^1].To.PlusDays(1) == from)
            {
                Holds[^1] = Holds[^1] with { To = to };
            }
            else
            {
                Holds.Add(new Hold(from, to));
            }
        }
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
}
