using NodaTime;

namespace Wane.Domain.CheckIns;

/// <summary>A SOWS total during a plan, and when the person chose to go on despite the hold it caused (if they did).</summary>
public sealed record ScoredReading(Instant TakenAt, int Total, Instant? OverriddenAt = null);
