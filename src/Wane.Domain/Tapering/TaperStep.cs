using NodaTime;

namespace Wane.Domain.Tapering;

/// <summary>One step of a phase: the same daily target on every day from <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="From">The first day of the step.</param>
/// <param name="To">The last day of the step (inclusive).</param>
/// <param name="DailyTarget">The most to take in a day, a multiple of the measurable resolution.</param>
/// <param name="PerDoseTarget">The daily target split over the doses per day, rounded the same way.</param>
public sealed record TaperStep(LocalDate From, LocalDate To, decimal DailyTarget, decimal PerDoseTarget)
{
    /// <summary>Whether <paramref name="date"/> falls in this step.</summary>
    public bool Contains(LocalDate date) => date >= From && date <= To;
}
