using NodaTime;

namespace Wane.Domain.Tapering;

/// <summary>Turns a taper request into a deterministic schedule, or says every problem with it at once.</summary>
public static class TaperPlanner
{
    /// <summary>The longest plan Wane will lay out.</summary>
    public static readonly Period MaxLength = Period.FromYears(3);

    /// <summary>Plans a taper. Returns a plan and no errors, or no plan and every problem found.</summary>
    public static (TaperPlan? Plan, IReadOnlyList<FieldError> Errors) Plan(TaperRequest request) => throw new NotImplementedException();
}
