namespace Wane.Domain.CheckIns;

/// <summary>Suggests holding the current taper step when SOWS scores during the plan are high or rising.</summary>
public static class HoldRule
{
    /// <summary>Decides from the SOWS readings taken during the plan (any order).</summary>
    public static HoldDecision Decide(IReadOnlyList<SowsReading> readingsDuringPlan, HoldSettings settings) =>
        throw new NotImplementedException();
}
