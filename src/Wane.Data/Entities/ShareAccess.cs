using NodaTime;

namespace Wane.Data.Entities;

/// <summary>One look through a share: when, and what was viewed. <see cref="UserId"/> is the owner whose record it was.</summary>
public class ShareAccess
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public long ShareId { get; set; }
    public Instant At { get; set; }

    /// <summary>"page", "status", "plan", "checkins", "doses", "trends" or "cows" (a COWS entered).</summary>
    public required string What { get; set; }
}
