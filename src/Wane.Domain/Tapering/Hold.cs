using NodaTime;

namespace Wane.Domain.Tapering;

/// <summary>
/// A pause: the step in effect on <paramref name="From"/> lasts that many days longer and every
/// later step moves later by the same number of days. Slowing or pausing a taper is always allowed.
/// </summary>
/// <param name="From">The first paused day.</param>
/// <param name="To">The last paused day (inclusive).</param>
public sealed record Hold(LocalDate From, LocalDate To)
{
    /// <summary>The number of paused days (To − From + 1).</summary>
    public int Days => Period.Between(From, To, PeriodUnits.Days).Days + 1;

    /// <summary>Whether <paramref name="date"/> is a paused day.</summary>
    public bool Contains(LocalDate date) => date >= From && date <= To;
}
