using NodaTime;

namespace Wane.Domain.Tapering;

/// <summary>
/// Which steps last longer than the step interval because rounding kept the amount the same: near the
/// end of a percent pace each cut is smaller than what the person can measure, so several intervals
/// round to one amount and are merged (a 10% weekly plan whose last steps last 14–77 days).
/// Days paused by holds are not counted: they lengthen a step for another reason.
/// </summary>
public static class RoundingStretch
{
    /// <summary>The indices of the phase's non-zero steps that span more than one interval, once held days are taken out.</summary>
    public static IReadOnlyList<int> LongerSteps(PhasePlan phase, IReadOnlyList<Hold> holds, int intervalDays)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(holds);
        Guard.InRange(intervalDays, 1, 365, nameof(intervalDays));
        var longer = new List<int>();
        for (var i = 0; i < phase.Steps.Count - 1; i++) // the zero step is one interval long only for display
        {
            var s = phase.Steps[i];
            var days = Period.Between(s.From, s.To, PeriodUnits.Days).Days + 1 - HeldDays(s, holds);
            if (days > intervalDays)
            {
                longer.Add(i);
            }
        }
        return longer;
    }

    private static int HeldDays(TaperStep step, IReadOnlyList<Hold> holds)
    {
        var held = 0;
        foreach (var h in holds)
        {
            var from = h.From > step.From ? h.From : step.From;
            var to = h.To < step.To ? h.To : step.To;
            if (from <= to)
            {
                held += Period.Between(from, to, PeriodUnits.Days).Days + 1;
            }
        }
        return held;
    }
}
