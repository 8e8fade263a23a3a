namespace Wane.Features.CheckIns;

/// <summary>
/// Whether the active plan waits because of the latest SOWS, and why. Tapering answers it (its plan queries read
/// the SOWS readings), so CheckIns can say so after a SOWS without depending on Tapering: the one seam between the
/// two areas, which keeps their dependency one way (Tapering → CheckIns; ADR 0024).
/// </summary>
internal interface IPlanHolds
{
    /// <summary>The check-in that holds the plan today and the reason, or nulls.</summary>
    Task<(long? ReadingId, string? Reason)> AutomaticHoldAsync(string userId, CancellationToken ct);
}
