using NodaTime;

namespace Wane.Domain.Tapering;

/// <summary>Compares what was taken with what a plan allowed, day by day.</summary>
public static class Adherence
{
    /// <summary>
    /// One row per day from <paramref name="from"/> to <paramref name="to"/> (inclusive) for phase
    /// <paramref name="phase"/>. Days before the phase starts have a target of 0.
    /// </summary>
    public static IReadOnlyList<DayAdherence> Compute(TaperPlan plan, int phase, IReadOnlyDictionary<LocalDate, decimal> actualByDay, LocalDate from, LocalDate to, IReadOnlyList<Hold>? holds = null) =>
        throw new NotImplementedException();
}
