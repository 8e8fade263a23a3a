using NodaTime;

namespace Wane.Data.Entities;

/// <summary>
/// One signed-in browser. The cookie carries a random session key; only its SHA-256 hash is kept, so
/// reading the database does not yield a live session. Deleting the row ends the session at once.
/// </summary>
public class SigninSession
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string KeyHash { get; set; }
    public string? UserAgent { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant LastSeenAt { get; set; }
}
