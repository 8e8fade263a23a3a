using NodaTime;

namespace Wane.Data.Entities;

/// <summary>
/// A file checked on the import page and waiting for its owner to confirm it (at most 15 minutes). Kept in the
/// database, not in one server's memory, so the confirmation may reach any node behind a load balancer (ADR 0022).
/// The page carries a random key; only its SHA-256 hash is kept.
/// </summary>
public class PendingImport
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string KeyHash { get; set; }
    public required string Format { get; set; }
    public required byte[] Bytes { get; set; }
    public Instant ExpiresAt { get; set; }
}
