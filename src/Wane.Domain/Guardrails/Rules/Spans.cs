using NodaTime;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>
/// Settings are decimals; rules need exact durations and whole day counts. Converting through
/// ticks keeps "5.5 h" exact (a double round trip would not), so a look-back and the check it
/// serves always agree to the tick.
/// </summary>
internal static class Spans
{
    public static Duration Hours(decimal hours) => Duration.FromTicks((long)(hours * NodaConstants.TicksPerHour));

    public static Duration Days(decimal days) => Duration.FromTicks((long)(days * NodaConstants.TicksPerDay));

    /// <summary>A count of local days or doses: fractions are dropped (a day is counted or not).</summary>
    public static int Whole(decimal value) => (int)decimal.Floor(value);
}
