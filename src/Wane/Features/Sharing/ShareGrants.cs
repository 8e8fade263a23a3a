using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;

namespace Wane.Features.Sharing;

/// <summary>
/// What one live share lets its viewer see: whose record (<see cref="OwnerId"/>) and which scopes. Every viewer read
/// starts from a grant, and every query of the owner's record is then scoped by <see cref="OwnerId"/> as the owner's own
/// reads are (ADR 0019).
/// </summary>
internal sealed record ShareGrant(long ShareId, string OwnerId, string OwnerName, IReadOnlySet<ShareScope> Scopes, bool MayEnterCows, bool IsLink)
{
    public bool Has(ShareScope scope) => Scopes.Contains(scope);
}

/// <summary>
/// The one loader of grants: a share is live when it is not revoked and not past its expiry, and it is found only by its
/// grantee (an account share) or by its secret (a link). Anything else, including a share that never existed, is null,
/// so a caller answers 404 either way and reveals nothing.
/// </summary>
internal sealed class ShareGrants(WaneDb db, IClock clock)
{
    /// <summary>Consecutive wrong PINs before a link waits, and how long it waits.</summary>
    public const int PinAttempts = 5;

    public static readonly Duration PinWait = Duration.FromMinutes(15);

    private static readonly PasswordHasher<Share> PinHasher = new();

    /// <summary>The grant of share <paramref name="shareId"/> to the signed-in <paramref name="viewerId"/>, or null.</summary>
    public async Task<ShareGrant?> ForViewerAsync(string viewerId, long shareId, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var row = await Live(now).Where(s => s.Id == shareId && s.GranteeId == viewerId).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return row is null ? null : await GrantAsync(row, ct).ConfigureAwait(false);
    }

    /// <summary>Every live grant to <paramref name="viewerId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ShareGrant>> AllForViewerAsync(string viewerId, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var rows = await Live(now).Where(s => s.GranteeId == viewerId).OrderBy(s => s.Id).ToListAsync(ct).ConfigureAwait(false);
        var grants = new List<ShareGrant>();
        foreach (var row in rows)
        {
            grants.Add(await GrantAsync(row, ct).ConfigureAwait(false));
        }
        return grants;
    }

    /// <summary>The share a link's secret opens, or null; the PIN is checked separately (<see cref="CheckPinAsync"/>).</summary>
    public async Task<(Share Row, ShareGrant Grant)?> ForLinkAsync(string secret, CancellationToken ct)
    {
        if (secret.Length is < 20 or > 64)
        {
            return null;
        }
        var hash = Hash(secret);
        var row = await Live(clock.GetCurrentInstant()).Where(s => s.SecretHash == hash).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return row is null ? null : (row, await GrantAsync(row, ct).ConfigureAwait(false));
    }

    /// <summary>The result of a PIN typed for a link.</summary>
    public enum PinCheck
    {
        Right,
        Wrong,
        Waiting,
    }

    /// <summary>
    /// Checks a link's PIN. After <see cref="PinAttempts"/> wrong PINs in a row the link waits <see cref="PinWait"/> (even
    /// for the right PIN), counted in the database so every node and restart sees it; a right PIN resets the count.
    /// </summary>
    public async Task<PinCheck> CheckPinAsync(long shareId, string? pin, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var row = await db.Shares.SingleAsync(s => s.Id == shareId, ct).ConfigureAwait(false);
        if (row.PinHash is null)
        {
            return PinCheck.Right;
        }
        if (row.PinBlockedUntil is { } until && until > now)
        {
            return PinCheck.Waiting;
        }
        var right = !string.IsNullOrEmpty(pin) && PinHasher.VerifyHashedPassword(row, row.PinHash, pin) != PasswordVerificationResult.Failed;
        row.PinFailures = right ? 0 : row.PinFailures + 1;
        row.PinBlockedUntil = right || row.PinFailures < PinAttempts ? null : now + PinWait;
        if (row.PinBlockedUntil is not null)
        {
            row.PinFailures = 0;
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return right ? PinCheck.Right : row.PinBlockedUntil is null ? PinCheck.Wrong : PinCheck.Waiting;
    }

    /// <summary>Writes one row of the owner's access log.</summary>
    public async Task LogAsync(ShareGrant grant, string what, CancellationToken ct)
    {
        db.ShareAccesses.Add(new ShareAccess { UserId = grant.OwnerId, ShareId = grant.ShareId, At = clock.GetCurrentInstant(), What = what });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    public static string HashPin(Share share, string pin) => PinHasher.HashPassword(share, pin);

    // A link's secret has 160 random bits, so a fast hash is enough (as for calendar feeds and access tokens).
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    /// <summary>The scopes stored as wire names separated by commas.</summary>
    public static HashSet<ShareScope> Parse(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => WireName.TryParse<ShareScope>(s, out var v) ? v : (ShareScope?)null)
            .OfType<ShareScope>().ToHashSet();

    public static string Format(IEnumerable<ShareScope> scopes) => string.Join(",", scopes.Distinct().Order().Select(WireName.Of));

    private IQueryable<Share> Live(Instant now) =>
        db.Shares.AsNoTracking().Where(s => s.RevokedAt == null && (s.ExpiresAt == null || s.ExpiresAt > now));

    private async Task<ShareGrant> GrantAsync(Share row, CancellationToken ct)
    {
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == row.UserId).Select(u => u.UserName).SingleAsync(ct).ConfigureAwait(false);
        return new ShareGrant(row.Id, row.UserId, owner ?? "", Parse(row.Scopes), row.MayEnterCows, row.SecretHash is not null);
    }
}
