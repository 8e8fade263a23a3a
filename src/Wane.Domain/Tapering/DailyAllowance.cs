using NodaTime;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;

namespace Wane.Domain.Tapering;

/// <summary>
/// What a plan allows on a day, in the units the guardrails compare (R4's daily cap): grams of kratom
/// product for a kratom phase, morphine milligram equivalents for an opioid phase. Kratom is never
/// converted to an opioid amount; only opioid phases add up to one MME figure.
/// </summary>
public static class DailyAllowance
{
    /// <summary>The allowance per kind on <paramref name="date"/>; null for a kind no phase plans that day.</summary>
    public static (Normalized? Kratom, Normalized? Opioid) On(TaperRequest request, TaperPlan plan, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        Normalized? kratom = null, opioid = null;
        for (var i = 0; i < plan.Phases.Count; i++)
        {
            if (plan.StepOn(i, date) is not { } step)
            {
                continue;
            }
            var phase = request.Phases[i];
            if (phase.Unit == PlanUnit.Grams)
            {
                kratom = new Normalized(step.DailyTarget, NormalUnit.Grams);
            }
            else
            {
                opioid = new Normalized((opioid?.Amount ?? 0) + step.DailyTarget * MmePerPlanUnit(phase), NormalUnit.Mme);
            }
        }
        return (kratom, opioid);
    }

    /// <summary>
    /// MME in one unit of an opioid phase: 1 for a phase planned in MME, the CDC 2022 factor of its opioid for
    /// one planned in mg. A kratom phase has none.
    /// </summary>
    public static decimal MmePerPlanUnit(PhaseRequest phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return phase.Unit switch
        {
            PlanUnit.Mme => 1m,
            PlanUnit.Milligrams when WireName.TryParse<OpioidName>(phase.Substance, out var opioid) => MmeFactors.Factor(opioid.Value),
            _ => throw new ArgumentException($"Phase of {phase.Substance} in {phase.Unit.Name()} has no MME.", nameof(phase)),
        };
    }
}
