using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Time;

namespace Wane.Features.Accounts;

/// <summary>
/// Server-side records of signed-in browsers (ADR 0014). The cookie names a session by a random key;
/// every request checks that the session still exists, so signing out, "sign out everywhere", a
/// password change or <c>wane user password</c> ends a session even where a copy of the cookie was kept.
/// A session ends after 14 idle days, and in any case <see cref="Settings.AbsoluteLimit"/> after it began
/// (OWASP ASVS 3.3.2): then the person signs in again, however often they came back.
/// </summary>
internal sealed class SigninSessions(WaneDb db, IClock clock, SigninSessions.Settings settings)
{
    /// <summary>Session settings (<c>Accounts:Sessions:*</c>).</summary>
    public sealed record Settings(Duration AbsoluteLimit)
    {
        /// <summary><c>Accounts:Sessions:AbsoluteDays</c> (30): the longest a session lasts from its sign-in, at least one day.</summary>
        public static Settings From(IConfiguration config) =>
            new(Duration.FromDays(Math.Max(1, config.GetValue("Accounts:Sessions:AbsoluteDays", 30))));
    }

    /// <summary>The claim in the cookie that names the session.</summary>
    public const string ClaimType = "wane:sid";

    /// <summary>A session unused this long has ended, as the cookie's own sliding lifetime has.</summary>
    public static readonly Duration IdleLimit = Duration.FromDays(14);

    // Last-seen is written at most this often, so most requests only read one row by its key.
    private static readonly Duration LastSeenResolution = Duration.FromMinutes(5);

    public sealed record SessionView(long Id, string Device, string CreatedAt, string LastSeenAt, bool Current);

    /// <summary>Records a new session and returns the key for the cookie (only its hash is stored).</summary>
    public async Task<string> StartAsync(string userId, string? userAgent, CancellationToken ct)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetCurrentInstant();
        db.SigninSessions.Add(new SigninSession
        {
            UserId = userId,
            KeyHash = Hash(key),
            UserAgent = userAgent is { Length: > 256 } ? userAgent[..256] : userAgent,
            CreatedAt = now,
            LastSeenAt = now,
        });
        var started = now - settings.AbsoluteLimit;
        await db.SigninSessions.Where(s => s.UserId == userId && (s.LastSeenAt < now - IdleLimit || s.CreatedAt < started)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        // Every way of signing in starts a session here, so this is the one place that notes the last sign-in.
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, now), ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return key;
    }

    private sealed record Live(long Id, Instant CreatedAt, Instant LastSeenAt);

    // Every signed-in page request runs this lookup, so it is compiled once.
    private static readonly Func<WaneDb, string, string, CancellationToken, Task<Live?>> FindLive =
        EF.CompileAsyncQuery((WaneDb db, string hash, string userId, CancellationToken ct) =>
            (from s in db.SigninSessions.AsNoTracking()
             join u in db.Users on s.UserId equals u.Id
             where s.KeyHash == hash && s.UserId == userId && u.DisabledAt == null
             select new Live(s.Id, s.CreatedAt, s.LastSeenAt)).SingleOrDefault());

    /// <summary>Whether the session is live for this user (and the account not disabled); notes that it was seen.</summary>
    public async Task<bool> TouchAsync(string key, string userId, CancellationToken ct)
    {
        var live = await FindLive(db, Hash(key), userId, ct).ConfigureAwait(false);
        if (live is null)
        {
            return false;
        }
        var now = clock.GetCurrentInstant();
        if (now - live.LastSeenAt > IdleLimit || now - live.CreatedAt > settings.AbsoluteLimit)
        {
            await db.SigninSessions.Where(s => s.Id == live.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            return false;
        }
        if (now - live.LastSeenAt >= LastSeenResolution)
        {
            await db.SigninSessions.Where(s => s.Id == live.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct).ConfigureAwait(false);
        }
        return true;
    }

    public async Task<IReadOnlyList<SessionView>> ListAsync(string userId, string? currentKey, CancellationToken ct)
    {
        var current = currentKey is null ? null : Hash(currentKey);
        var now = clock.GetCurrentInstant();
        var since = now - IdleLimit;
        var started = now - settings.AbsoluteLimit;
        var rows = await db.SigninSessions.AsNoTracking().Where(s => s.UserId == userId && s.LastSeenAt >= since && s.CreatedAt >= started)
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.OrderByDescending(s => s.KeyHash == current).ThenByDescending(s => s.LastSeenAt)
            .Select(s => new SessionView(s.Id, DeviceName.From(s.UserAgent), TimeText.Format(s.CreatedAt), TimeText.Format(s.LastSeenAt), s.KeyHash == current))
            .ToList();
    }

    /// <summary>Ends the session with this cookie key (signing out).</summary>
    public Task EndAsync(string key, CancellationToken ct)
    {
        var hash = Hash(key);
        return db.SigninSessions.Where(s => s.KeyHash == hash).ExecuteDeleteAsync(ct);
    }

    /// <summary>Ends one of the person's sessions by its id (the sessions page); false when it is not theirs.</summary>
    public async Task<bool> EndAsync(string userId, long id, CancellationToken ct) =>
        await db.SigninSessions.Where(s => s.UserId == userId && s.Id == id).ExecuteDeleteAsync(ct).ConfigureAwait(false) > 0;

    /// <summary>Ends every session of the person except the one with <paramref name="exceptKey"/>; returns how many ended.</summary>
    public Task<int> EndAllAsync(string userId, string? exceptKey, CancellationToken ct)
    {
        var keep = exceptKey is null ? "" : Hash(exceptKey);
        return db.SigninSessions.Where(s => s.UserId == userId && s.KeyHash != keep).ExecuteDeleteAsync(ct);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
