using NodaTime;

namespace Wane.Data.Entities;

/// <summary>
/// A person's calendar feed. Only the SHA-256 hash of the secret in its URL is kept, so reading the
/// database does not reveal a working feed URL; the URL is shown once, when it is made.
/// </summary>
public class CalendarFeed
{
    public required string UserId { get; set; }
    public required string SecretHash { get; set; }
    public Instant CreatedAt { get; set; }
}
