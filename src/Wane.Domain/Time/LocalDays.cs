using NodaTime;
using NodaTime.TimeZones;

namespace Wane.Domain.Time;

/// <summary>
/// A person's calendar days: local dates in their IANA zone, each starting at their day-start hour
/// (so with a start hour of 4, a dose at 01:30 belongs to the day before).
/// </summary>
public sealed class LocalDays
{
    /// <summary>Creates the day calendar for a zone and a day-start hour (0–23).</summary>
    public LocalDays(DateTimeZone zone, int dayStartHour = 0)
    {
        Zone = Guard.NotNull(zone);
        DayStartHour = Guard.InRange(dayStartHour, 0, 23);
    }

    /// <summary>The person's time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The local hour a day starts at.</summary>
    public int DayStartHour { get; }

    /// <summary>The local day an instant belongs to.</summary>
    public LocalDate DayOf(Instant instant) =>
        instant.InZone(Zone).LocalDateTime.PlusHours(-DayStartHour).Date;

    /// <summary>
    /// The instant a local day starts. When the start hour does not exist that day (a spring-forward
    /// gap) the day starts when the clocks resume; when it happens twice (fall-back), at the first.
    /// </summary>
    public Instant StartOf(LocalDate date) =>
        Zone.ResolveLocal(date.At(new LocalTime(DayStartHour, 0)), Resolvers.LenientResolver).ToInstant();

    /// <summary>The instants of a range of local days, from the start of <paramref name="from"/> to the start of the day after <paramref name="to"/>.</summary>
    public Interval Span(LocalDate from, LocalDate to) => new(StartOf(from), StartOf(to.PlusDays(1)));

    /// <summary>How long a local day lasts (23, 24 or 25 hours around DST changes, for example).</summary>
    public Duration LengthOf(LocalDate date) => StartOf(date.PlusDays(1)) - StartOf(date);

    /// <summary>The local date and time of an instant, as the person's clock shows it.</summary>
    public LocalDateTime LocalTimeOf(Instant instant) => instant.InZone(Zone).LocalDateTime;

    /// <summary>
    /// The instant of a local date and time the person entered. A time skipped by a spring-forward
    /// change is moved forward by the gap; a repeated time (fall-back) is taken as the first.
    /// </summary>
    public Instant InstantOf(LocalDateTime local) => Zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();
}
