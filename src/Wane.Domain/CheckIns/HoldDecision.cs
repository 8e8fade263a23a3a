namespace Wane.Domain.CheckIns;

/// <summary>Whether withdrawal scores suggest holding the current taper step. A suggestion the person can override.</summary>
/// <param name="Hold">True when a hold is suggested.</param>
/// <param name="Reason">Why, with the numbers and the band source; null when no hold is suggested.</param>
/// <param name="Baseline">The median of the first three SOWS during the plan, or null when there are fewer than three.</param>
/// <param name="Latest">The latest SOWS total, or null when there are no readings.</param>
public sealed record HoldDecision(bool Hold, string? Reason, int? Baseline, int? Latest);
