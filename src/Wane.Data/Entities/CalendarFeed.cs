using NodaTime;

namespace Wane.Data.Entities;

/// <summary>
/// The secret in a person's calendar-feed URL. A capability URL must be shown again whenever the
/// plan is, so the secret is stored as is; revoking replaces it.
/// </summary>
public class CalendarFeed
{
    public required string UserId { get; set; }
    public required string Secret { get; set; }
    public Instant CreatedAt { get; set; }
}
