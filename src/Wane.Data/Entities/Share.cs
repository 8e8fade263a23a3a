using NodaTime;

namespace Wane.Data.Entities;

/// <summary>
/// Read-only access a person (<see cref="UserId"/>, the owner) gives to part of their record: to an account on this
/// instance (<see cref="GranteeId"/>) or through a secret link (only <see cref="SecretHash"/> is kept; the URL is shown
/// once). <see cref="Scopes"/> are wire names separated by commas. Revoking sets <see cref="RevokedAt"/>; the row stays,
/// so the person keeps the access log.
/// </summary>
public class Share
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public string? GranteeId { get; set; }
    public string? SecretHash { get; set; }

    /// <summary>Who a link is for, in the person's words ("Dr Lee"), so links can be told apart.</summary>
    public string? Label { get; set; }

    /// <summary>Identity's password hash (PBKDF2) of the link's PIN: a PIN is short, so a slow hash.</summary>
    public string? PinHash { get; set; }
    public int PinFailures { get; set; }
    public Instant? PinBlockedUntil { get; set; }
    public required string Scopes { get; set; }
    public bool MayEnterCows { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? ExpiresAt { get; set; }
    public Instant? RevokedAt { get; set; }
}
