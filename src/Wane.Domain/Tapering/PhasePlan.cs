using NodaTime;

namespace Wane.Domain.Tapering;

/// <summary>The schedule of one phase.</summary>
/// <param name="Index">The phase's position in the request (0-based).</param>
/// <param name="Substance">"kratom" or the opioid's wire name ("oxycodone").</param>
/// <param name="Unit">The unit of every target.</param>
/// <param name="Steps">Consecutive steps, strictly decreasing, the last one at zero.</param>
/// <param name="End">The first day at zero (the day after the last non-zero step); equals the zero step's From.</param>
public sealed record PhasePlan(int Index, string Substance, PlanUnit Unit, IReadOnlyList<TaperStep> Steps, LocalDate End)
{
    /// <summary>The first day of the phase.</summary>
    public LocalDate Start => Steps[0].From;
}
