using NodaTime;
using Wane.Domain.Guardrails;

namespace Wane.Domain.Tapering;

/// <summary>A planned taper: every phase's schedule, and what the person should know about it.</summary>
/// <param name="Phases">One schedule per requested phase, in request order.</param>
/// <param name="Start">The earliest phase start.</param>
/// <param name="End">The latest phase end (the first day every phase is at zero).</param>
/// <param name="Advisories">Cautions about the pace and the end of the plan, each with its source.</param>
public sealed record TaperPlan(IReadOnlyList<PhasePlan> Phases, LocalDate Start, LocalDate End, IReadOnlyList<Advisory> Advisories)
{
    /// <summary>
    /// The step that applies on <paramref name="date"/> in phase <paramref name="phase"/>: null before
    /// the phase starts; the final zero step on and after its end.
    /// </summary>
    public TaperStep? StepOn(int phase, LocalDate date) => throw new NotImplementedException();

    /// <summary>The first day after <paramref name="date"/> on which the target drops, or null when it never drops again.</summary>
    public LocalDate? NextStepDown(int phase, LocalDate date) => throw new NotImplementedException();
}
