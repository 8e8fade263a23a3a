using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>
/// Personal access tokens: 256 random bits, shown once; only their SHA-256 hash is stored (a fast hash
/// is enough for a secret with that much entropy, and keeps every API request cheap).
/// </summary>
internal sealed class AccessTokens(WaneDb db, IClock clock)
{
    private const string Prefix = "wane_";
    private static readonly Duration LastUsedResolution = Duration.FromHours(1);

    public sealed record TokenView(long Id, string Name, string Prefix, string CreatedAt, string? LastUsedAt, bool Revoked);

    public async Task<Outcome<(string Token, AccessToken Entity)>> CreateAsync(string userId, string? name, CancellationToken ct)
    {
        var label = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim();
        if (label.Length > 100)
        {
            return Outcome<(string, AccessToken)>.Fail("name", "Keep the token name to 100 characters or fewer.");
        }
        if (FreeText.HasLineControl(label))
        {
            return Outcome<(string, AccessToken)>.Fail("name", FreeText.LineControlMessage);
        }
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var entity = new AccessToken
        {
            UserId = userId,
            Name = label,
            Hash = Hash(token),
            Prefix = token[..(Prefix.Length + 4)],
            CreatedAt = clock.GetCurrentInstant(),
        };
        db.AccessTokens.Add(entity);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (token, entity);
    }

    public async Task<IReadOnlyList<TokenView>> ListAsync(string userId, CancellationToken ct) =>
        (await db.AccessTokens.Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(ct).ConfigureAwait(false))
        .Select(t => new TokenView(t.Id, t.Name, t.Prefix, Domain.Time.TimeText.Format(t.CreatedAt),
            t.LastUsedAt is { } u ? Domain.Time.TimeText.Format(u) : null, t.RevokedAt is not null))
        .ToList();

    public async Task<bool> RevokeAsync(string userId, long id, CancellationToken ct)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct).ConfigureAwait(false);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt ??= clock.GetCurrentInstant();
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return true;
    }

    private sealed record LiveToken(long Id, string UserId, Instant? LastUsedAt);

    // Every API request runs this lookup, so it is compiled once instead of translated per call.
    private static readonly Func<WaneDb, string, CancellationToken, Task<LiveToken?>> FindLive =
        EF.CompileAsyncQuery((WaneDb db, string hash, CancellationToken ct) =>
            (from t in db.AccessTokens
             join u in db.Users on t.UserId equals u.Id
             where t.Hash == hash && t.RevokedAt == null && u.DisabledAt == null
             select new LiveToken(t.Id, t.UserId, t.LastUsedAt))
            .SingleOrDefault());

    /// <summary>The owner of a live token (not revoked, its account not disabled), or null. It only identifies: the owner's profile is loaded by <see cref="RequestProfile"/> when a use case needs it.</summary>
    public async Task<string?> AuthenticateAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }
        var live = await FindLive(db, Hash(token), ct).ConfigureAwait(false);
        if (live is null)
        {
            return null;
        }
        var now = clock.GetCurrentInstant();
        if (live.LastUsedAt is not { } last || now - last > LastUsedResolution)
        {
            await db.AccessTokens.Where(t => t.Id == live.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct).ConfigureAwait(false);
        }
        return live.UserId;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
