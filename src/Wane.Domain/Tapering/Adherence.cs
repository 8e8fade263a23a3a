using NodaTime;

namespace Wane.Domain.Tapering;

/// <summary>Compares what was taken with what a plan allowed, day by day.</summary>
public static class Adherence
{
    /// <summary>
    /// One row per day from <paramref name="from"/> to <paramref name="to"/> (inclusive; none when
    /// <paramref name="to"/> is before <paramref name="from"/>) for phase <paramref name="phase"/>. The
    /// target is 0 before the phase starts and after it ends; a day with nothing logged counts as 0 taken.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="phase">The phase's index in the plan.</param>
    /// <param name="actualByDay">The amount taken on each local day, in the phase's unit.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="holds">The holds to mark; the plan's own holds when null.</param>
    public static IReadOnlyList<DayAdherence> Compute(TaperPlan plan, int phase, IReadOnlyDictionary<LocalDate, decimal> actualByDay, LocalDate from, LocalDate to, IReadOnlyList<Hold>? holds = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actualByDay);
        holds ??= plan.Holds;
        var days = new List<DayAdherence>();
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            days.Add(new DayAdherence(
                date,
                plan.StepOn(phase, date)?.DailyTarget ?? 0m,
                actualByDay.GetValueOrDefault(date),
                holds.Any(h => h.Contains(date))));
            if (date == to)
            {
                break; // PlusDays past the last representable date would throw
            }
        }
        return days;
    }
}
