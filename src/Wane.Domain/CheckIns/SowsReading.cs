using NodaTime;

namespace Wane.Domain.CheckIns;

/// <summary>One SOWS total taken during a taper plan.</summary>
/// <param name="Date">The person's local date of the reading.</param>
/// <param name="TakenAt">When it was taken; readings are ordered by this.</param>
/// <param name="Total">The SOWS total, 0–64.</param>
public sealed record SowsReading(LocalDate Date, Instant TakenAt, int Total);
