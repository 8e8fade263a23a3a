using NodaTime;

namespace Wane.Domain.Tapering;

/// <summary>
/// A pause of the whole plan: in each phase running on <paramref name="From"/>, the step in effect
/// lasts <see cref="Days"/> longer and every later step moves later by as many days; a phase that has
/// not started yet moves as a whole; a phase already at zero is unchanged. Holds are read in date
/// order on the schedule as already moved by earlier holds (the dates a person sees); overlapping or
/// touching holds are joined, so a day is paused once. Slowing or pausing a taper is always allowed.
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
