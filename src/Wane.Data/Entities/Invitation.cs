using NodaTime;

namespace Wane.Data.Entities;

/// <summary>
/// A one-time sign-up link an admin made while open sign-up is off. Only the SHA-256 hash of its secret is
/// kept, so reading the database does not yield a usable link. Used, revoked or past <see cref="ExpiresAt"/>,
/// it creates no account.
/// </summary>
public class Invitation
{
    public const int MaxNoteLength = 200;

    public long Id { get; set; }
    public required string SecretHash { get; set; }

    /// <summary>The admin's own reminder (who it is for); never shown to the person invited.</summary>
    public string? Note { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant ExpiresAt { get; set; }

    /// <summary>The admin who made it (null: the command line, or an account since deleted).</summary>
    public string? CreatedById { get; set; }
    public Instant? UsedAt { get; set; }

    /// <summary>The account it created (null once that account is deleted).</summary>
    public string? UsedById { get; set; }
    public Instant? RevokedAt { get; set; }
}
