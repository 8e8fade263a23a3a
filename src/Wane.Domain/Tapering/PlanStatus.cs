namespace Wane.Domain.Tapering;

/// <summary>
/// Where a stored taper plan stands. A person has at most one <see cref="Active"/> plan; making a new one
/// replaces it. Stored and exported under its wire name ("active", "replaced").
/// </summary>
public enum PlanStatus
{
    /// <summary>The plan the person follows now: its allowance caps each day, its holds wait on withdrawal.</summary>
    Active,
    /// <summary>A plan a newer one replaced (<c>EndedAt</c> says when); kept for the record and the export.</summary>
    Replaced,
    /// <summary>A plan that ended without a successor. Not set by this version; accepted from an export.</summary>
    Ended,
    /// <summary>A plan the person stopped. Not set by this version; accepted from an export.</summary>
    Stopped,
    /// <summary>A plan that ran to its end. Not set by this version; accepted from an export.</summary>
    Completed,
}
