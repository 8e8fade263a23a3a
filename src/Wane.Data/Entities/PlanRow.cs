using NodaTime;
using Wane.Domain.Tapering;

namespace Wane.Data.Entities;

/// <summary>
/// A taper plan as the person asked for it (the request, JSON). The schedule is computed from it and
/// the holds whenever it is shown: the planner is deterministic, so nothing derived is stored.
/// </summary>
public class PlanRow
{
    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>Stored under its wire name ("active", "replaced").</summary>
    public required PlanStatus Status { get; set; }
    public required string RequestJson { get; set; }
    public long? ReplacesPlanId { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? EndedAt { get; set; }
}
