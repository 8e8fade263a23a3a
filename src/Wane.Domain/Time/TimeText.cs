using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Wane.Domain.Time;

/// <summary>Parsing of times people and programs type: RFC 3339 instants, local date-times, local dates.</summary>
public static class TimeText
{
    private static readonly OffsetDateTimePattern Rfc3339 = OffsetDateTimePattern.ExtendedIso;

    // Always "+HH:mm" (ExtendedIso would write "-04" or "Z"): the form people and other programs read most easily.
    private static readonly OffsetDateTimePattern LocalWithOffset =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss"),
    ];

    private static readonly LocalTimePattern[] TimeOnlyPatterns =
    [
        LocalTimePattern.CreateWithInvariantCulture("HH':'mm"),
        LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss"),
    ];

    /// <summary>
    /// The earliest date any input may name. Dates far outside a human life make time-zone arithmetic
    /// overflow (NodaTime's range ends at years -9998 and 9999), so every parser refuses them as input.
    /// </summary>
    public static readonly LocalDate MinDate = new(1900, 1, 1);

    /// <summary>The latest date any input may name.</summary>
    public static readonly LocalDate MaxDate = new(2200, 12, 31);

    /// <summary>The accepted range, for error messages.</summary>
    public const string RangeText = "between 1900-01-01 and 2200-12-31";

    /// <summary>Whether a date lies in <see cref="MinDate"/>..<see cref="MaxDate"/>.</summary>
    public static bool InRange(LocalDate date) => date >= MinDate && date <= MaxDate;

    /// <summary>Parses an RFC 3339 instant with an offset or Z, e.g. "2026-11-25T08:30:00-05:00"; null when out of range.</summary>
    public static Instant? ParseInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }
        var r = Rfc3339.Parse(text.Trim());
        return r.Success && InRange(r.Value.Date) ? r.Value.ToInstant() : null;
    }

    /// <summary>
    /// Parses what a person types for a time: an RFC 3339 instant, a local "YYYY-MM-DD HH:mm", or
    /// "HH:mm" for today (today's date taken from <paramref name="now"/> in the person's zone).
    /// </summary>
    public static Instant? ParseUserTime(string? text, LocalDays days, Instant now)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }
        var t = text.Trim();
        if (ParseInstant(t) is { } instant)
        {
            return instant;
        }
        foreach (var p in LocalPatterns)
        {
            var r = p.Parse(t);
            if (r.Success)
            {
                return InRange(r.Value.Date) ? days.InstantOf(r.Value) : null;
            }
        }
        foreach (var p in TimeOnlyPatterns)
        {
            var r = p.Parse(t);
            if (r.Success)
            {
                return days.InstantOf(days.LocalTimeOf(now).Date.At(r.Value));
            }
        }
        return null;
    }

    /// <summary>
    /// Like <see cref="ParseUserTime"/>, but a local time the person's clock skipped (spring forward) or
    /// showed twice (fall back) gives no instant: it gives the instants they may have meant and says why.
    /// An RFC 3339 time with an offset is never ambiguous, so choosing one of those is how a person answers.
    /// </summary>
    public static UserTime ParseUserTimeStrict(string? text, LocalDays days, Instant now, string unreadable)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return UserTime.Unreadable(unreadable);
        }
        var t = text.Trim();
        if (ParseInstant(t) is { } instant)
        {
            return UserTime.Of(instant);
        }
        foreach (var p in LocalPatterns)
        {
            var r = p.Parse(t);
            if (r.Success)
            {
                return InRange(r.Value.Date) ? Resolve(days, r.Value) : UserTime.Unreadable(unreadable);
            }
        }
        foreach (var p in TimeOnlyPatterns)
        {
            var r = p.Parse(t);
            if (r.Success)
            {
                return Resolve(days, days.LocalTimeOf(now).Date.At(r.Value));
            }
        }
        return UserTime.Unreadable(unreadable);
    }

    private static UserTime Resolve(LocalDays days, LocalDateTime local)
    {
        var mapping = days.Zone.MapLocal(local);
        var shown = $"{Format(local.Date)} {FormatClock(local)}";
        switch (mapping.Count)
        {
            case 1:
                return UserTime.Of(mapping.Single().ToInstant());
            case 2:
                var first = mapping.First();
                var second = mapping.Last();
                return new UserTime(null, [first.ToInstant(), second.ToInstant()],
                    $"{shown} happened twice in {days.Zone.Id}: the clocks went back that night. Choose the first ({Offset(first.Offset)}) or the second ({Offset(second.Offset)}).");
            default:
                // The lenient resolver moves a skipped time forward by the length of the gap: the same
                // time after the change as the minutes the person meant after the last valid minute.
                var shifted = days.InstantOf(local);
                var after = days.LocalTimeOf(shifted);
                return new UserTime(null, [shifted],
                    $"{shown} did not happen in {days.Zone.Id}: the clocks jumped forward that night. {FormatClock(after)} ({Offset(days.Zone.GetUtcOffset(shifted))}) is the same moment by the old clock; choose it or enter the time again.");
        }
    }

    /// <summary>
    /// For an instant whose local time happened twice, which of the two it is ("the first 01:30, UTC-04:00");
    /// null when the local time happened once. Said whenever such a time is stored or shown.
    /// </summary>
    public static string? Clarify(Instant instant, LocalDays days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var zoned = instant.InZone(days.Zone);
        var mapping = days.Zone.MapLocal(zoned.LocalDateTime);
        if (mapping.Count != 2)
        {
            return null;
        }
        var which = mapping.First().ToInstant() == instant ? "first" : "second";
        return $"the {which} {FormatClock(zoned.LocalDateTime)}, {Offset(zoned.Offset)}";
    }

    /// <summary>An offset as "UTC-04:00".</summary>
    public static string Offset(Offset offset) =>
        "UTC" + OffsetPattern.CreateWithInvariantCulture("+HH':'mm").Format(offset);

    /// <summary>An instant as RFC 3339 with the person's offset, e.g. "2026-11-01T01:30:00-04:00" (unambiguous, and readable).</summary>
    public static string FormatLocal(Instant instant, LocalDays days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return LocalWithOffset.Format(instant.InZone(days.Zone).ToOffsetDateTime());
    }

    /// <summary>Parses an ISO local date "YYYY-MM-DD" in <see cref="MinDate"/>..<see cref="MaxDate"/>.</summary>
    public static LocalDate? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 10)
        {
            return null;
        }
        var r = LocalDatePattern.Iso.Parse(text.Trim());
        return r.Success && InRange(r.Value) ? r.Value : null;
    }

    /// <summary>Formats an instant as RFC 3339 in UTC.</summary>
    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>Formats a local date as ISO "YYYY-MM-DD".</summary>
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Formats a local time of day as "HH:mm".</summary>
    public static string FormatClock(LocalDateTime local) => local.ToString("HH':'mm", CultureInfo.InvariantCulture);
}
