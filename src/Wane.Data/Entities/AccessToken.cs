using NodaTime;

namespace Wane.Data.Entities;

/// <summary>A personal access token for the API. Only the SHA-256 hash of the secret is kept.</summary>
public class AccessToken
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, so a person can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? LastUsedAt { get; set; }
    public Instant? RevokedAt { get; set; }
}
