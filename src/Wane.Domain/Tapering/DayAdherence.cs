using NodaTime;

namespace Wane.Domain.Tapering;

/// <summary>One day of a phase: what the plan allowed and what was taken.</summary>
/// <param name="Date">The local day.</param>
/// <param name="Target">The plan's daily target (0 after the end).</param>
/// <param name="Actual">The amount taken that day, in the phase's unit (0 when none was logged).</param>
/// <param name="Held">Whether the day was inside a hold.</param>
public sealed record DayAdherence(LocalDate Date, decimal Target, decimal Actual, bool Held)
{
    /// <summary>Whether the amount taken stayed within the target.</summary>
    public bool WithinTarget => Actual <= Target;
}
