using NodaTime;

namespace Wane.Domain.Tapering;

/// <summary>
/// A phase's schedule before holds: steps rounded to what can be measured, equal steps merged, and
/// the unrounded amounts the pace asked for (the advisories judge the pace, not the rounding).
/// </summary>
/// <param name="Steps">Strictly decreasing steps; the last one is the zero step.</param>
/// <param name="Exact">The unrounded amount of every interval before the zero step (D_0…D_m−1).</param>
/// <param name="TooLong">The pace would not reach zero by the limit date; <paramref name="Steps"/> stops there.</param>
internal sealed record PhaseSchedule(IReadOnlyList<TaperStep> Steps, IReadOnlyList<decimal> Exact, bool TooLong)
{
    /// <summary>The first day at zero.</summary>
    public LocalDate End => Steps[^1].From;

    /// <summary>Rounds to the nearest multiple of <paramref name="resolution"/>, a midpoint away from zero.</summary>
    public static decimal Round(decimal amount, decimal resolution) =>
        Math.Round(amount / resolution, MidpointRounding.AwayFromZero) * resolution;

    /// <summary>Lays out a phase from its start date; gives up once a step (the zero step included) would begin after <paramref name="limit"/>.</summary>
    public static PhaseSchedule Build(ValidPhase phase, LocalDate limit)
    {
        var request = phase.Request;
        var r = phase.Resolution;
        var interval = request.IntervalDays;
        var steps = new List<TaperStep>();
        var exact = new List<decimal>();
        var date = request.StartDate;
        foreach (var x in ExactTargets.Of(request))
        {
            if (date > limit)
            {
                return new PhaseSchedule(steps, exact, TooLong: true);
            }
            var daily = x <= 0 ? 0m : Round(x, r);
            if (daily <= 0)
            {
                // The final step, from the smallest practical amount to zero; one interval long for display.
                steps.Add(new TaperStep(date, date.PlusDays(interval - 1), 0m, 0m));
                return new PhaseSchedule(steps, exact, TooLong: false);
            }
            exact.Add(x);
            if (steps.Count > 0 && steps[^1].DailyTarget == daily)
            {
                steps[^1] = steps[^1] with { To = steps[^1].To.PlusDays(interval) };
            }
            else
            {
                steps.Add(new TaperStep(date, date.PlusDays(interval - 1), daily, PerDose(daily, request.DosesPerDay, r)));
            }
            date = date.PlusDays(interval);
        }
        throw new InvalidOperationException("Every pace ends at zero.");
    }

    /// <summary>The daily target split over the doses, rounded the same way; at least one unit while the day has any.</summary>
    private static decimal PerDose(decimal daily, int dosesPerDay, decimal resolution) =>
        Math.Max(Round(daily / dosesPerDay, resolution), resolution);
}
