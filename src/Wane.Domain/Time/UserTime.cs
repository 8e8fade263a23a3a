using NodaTime;

namespace Wane.Domain.Time;

/// <summary>
/// A time a person typed, read in their zone: the instant it means, or, when their clock showed that
/// time never (a spring-forward gap) or twice (fall-back), no instant and the instants they may have
/// meant, for them to choose. Wane never picks one silently (ADR 0012).
/// </summary>
/// <param name="Value">The instant, when the text names exactly one.</param>
/// <param name="Choices">For a skipped or repeated time, the instants to offer, earliest first.</param>
/// <param name="Error">Why there is no instant: unreadable text, or which local time was skipped or repeated.</param>
public sealed record UserTime(Instant? Value, IReadOnlyList<Instant> Choices, string? Error)
{
    /// <summary>A time that names one instant.</summary>
    public static UserTime Of(Instant instant) => new(instant, [], null);

    /// <summary>Text that is not a time.</summary>
    public static UserTime Unreadable(string error) => new(null, [], error);
}
