using NodaTime;
using Wane.Domain.Guardrails;

namespace Wane.Domain.Tapering;

/// <summary>A planned taper: every phase's schedule, and what the person should know about it.</summary>
/// <param name="Phases">One schedule per requested phase, in request order.</param>
/// <param name="Start">The earliest phase start.</param>
/// <param name="End">The latest phase end: the first day on which every phase is at zero.</param>
/// <param name="Advisories">Cautions about the pace and the end of the plan, each with its source; the lost-tolerance warning (T4) is last.</param>
public sealed record TaperPlan(IReadOnlyList<PhasePlan> Phases, LocalDate Start, LocalDate End, IReadOnlyList<Advisory> Advisories)
{
    /// <summary>The holds the plan was laid out with, in date order, overlapping ones joined.</summary>
    public IReadOnlyList<Hold> Holds { get; init; } = [];

    /// <summary>
    /// The step that applies on <paramref name="date"/> in phase <paramref name="phase"/>: null before
    /// the phase starts; the final zero step on and after the phase's end.
    /// </summary>
    public TaperStep? StepOn(int phase, LocalDate date)
    {
        var steps = StepsOf(phase);
        if (date < steps[0].From)
        {
            return null;
        }
        for (var i = 0; i < steps.Count - 1; i++)
        {
            if (date <= steps[i].To)
            {
                return steps[i];
            }
        }
        return steps[^1];
    }

    /// <summary>
    /// The first day after <paramref name="date"/> on which phase <paramref name="phase"/>'s target drops
    /// (before the phase starts: its first drop), or null when it never drops again.
    /// </summary>
    public LocalDate? NextStepDown(int phase, LocalDate date)
    {
        var steps = StepsOf(phase);
        for (var i = 1; i < steps.Count; i++)
        {
            if (steps[i].From > date)
            {
                return steps[i].From;
            }
        }
        return null;
    }

    /// <summary>Whether <paramref name="date"/> is inside one of the plan's holds.</summary>
    public bool IsHeld(LocalDate date) => Holds.Any(h => h.Contains(date));

    private IReadOnlyList<TaperStep> StepsOf(int phase) =>
        phase >= 0 && phase < Phases.Count
            ? Phases[phase].Steps
            : throw new ArgumentOutOfRangeException(nameof(phase), phase, "No such phase in this plan.");
}
