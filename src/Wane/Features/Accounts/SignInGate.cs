using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;

namespace Wane.Features.Accounts;

/// <summary>
/// Checks a name and password without a lockout a stranger could trigger (ADR 0014). After
/// <see cref="Settings.FreeFailures"/> failures for a typed name, further attempts for it wait a
/// doubling delay (capped) — except from a browser that has signed in as that name before (its
/// device cookie), so the owner is never locked out. Known and unknown names take the same path: both
/// hash the password (a dummy hash for unknown names) and both count failures, so neither the time
/// nor the answer tells which names exist.
/// </summary>
internal sealed class SignInGate(WaneDb db, UserManager<WaneUser> users, IClock clock, SignInGate.Settings settings, IDataProtectionProvider protection)
{
    public const string DeviceCookie = "wane-device";

    /// <summary>Sign-in throttling settings (<c>Accounts:SignIn:*</c>).</summary>
    public sealed record Settings(int FreeFailures, int MaxDelaySeconds)
    {
        public static Settings From(IConfiguration config) => new(
            config.GetValue("Accounts:SignIn:FreeFailures", 5),
            config.GetValue("Accounts:SignIn:MaxDelaySeconds", 300));
    }

    public abstract record Attempt
    {
        public sealed record Passed(WaneUser User) : Attempt;
        public sealed record Failed : Attempt;
        public sealed record Wait(int Seconds) : Attempt;

        /// <summary>The password was right, but an admin has disabled the account.</summary>
        public sealed record Disabled : Attempt;
    }

    /// <summary>What a disabled account is told, once it has given the right password (so no name is revealed).</summary>
    public const string DisabledMessage = "This account is disabled, so it cannot sign in. Ask the people who run this Wane.";

    // Hashed once per process with the same hasher (and so the same work factor) as real passwords.
    private static string? _dummyHash;

    public async Task<Attempt> CheckAsync(string? name, string? password, string? deviceCookie, CancellationToken ct)
    {
        var normalized = users.NormalizeName(name?.Trim() ?? "") ?? "";
        var key = NameKey(normalized);
        var now = clock.GetCurrentInstant();
        var failures = await db.SigninFailures.AsNoTracking().SingleOrDefaultAsync(f => f.NameHash == key, ct).ConfigureAwait(false);
        if (!Trusted(deviceCookie, normalized) && WaitSeconds(failures, now) is { } wait)
        {
            return new Attempt.Wait(wait);
        }

        var user = normalized.Length == 0 ? null : await users.FindByNameAsync(normalized).ConfigureAwait(false);
        var passed = user is null
            ? DummyCheck(password ?? "")
            : await users.CheckPasswordAsync(user, password ?? "").ConfigureAwait(false);
        var settled = await SettleAsync(key, failures, passed ? user : null, now, ct).ConfigureAwait(false);
        return settled is Attempt.Passed { User.DisabledAt: not null } ? new Attempt.Disabled() : settled;
    }

    /// <summary>
    /// Checks a second factor (an authenticator code or a recovery code) for someone who has just given the
    /// right password: wrong codes for that person slow down the same way, so a six-digit code cannot be
    /// guessed by trying them all. No browser is exempt: whoever is here already knew the password.
    /// </summary>
    public async Task<Attempt> CheckSecondFactorAsync(WaneUser user, Func<Task<bool>> verify, CancellationToken ct)
    {
        var key = NameKey("second-factor:" + user.Id);
        var now = clock.GetCurrentInstant();
        var failures = await db.SigninFailures.AsNoTracking().SingleOrDefaultAsync(f => f.NameHash == key, ct).ConfigureAwait(false);
        if (WaitSeconds(failures, now) is { } wait)
        {
            return new Attempt.Wait(wait);
        }
        return await SettleAsync(key, failures, await verify().ConfigureAwait(false) ? user : null, now, ct).ConfigureAwait(false);
    }

    private int? WaitSeconds(SigninFailure? failures, Instant now)
    {
        if (failures is null || failures.Count < settings.FreeFailures)
        {
            return null;
        }
        var delay = Math.Min(settings.MaxDelaySeconds, Math.Pow(2, Math.Min(30, failures.Count - settings.FreeFailures)));
        var until = failures.LastAt + Duration.FromSeconds(delay);
        return now < until ? (int)Math.Ceiling((until - now).TotalSeconds) : null;
    }

    /// <summary>A pass clears the count; a failure adds one.</summary>
    private async Task<Attempt> SettleAsync(string key, SigninFailure? failures, WaneUser? passedUser, Instant now, CancellationToken ct)
    {
        if (passedUser is not null)
        {
            if (failures is not null)
            {
                await db.SigninFailures.Where(f => f.NameHash == key).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            }
            return new Attempt.Passed(passedUser);
        }
        await CountFailureAsync(key, now, ct).ConfigureAwait(false);
        return new Attempt.Failed();
    }

    /// <summary>
    /// Adds one failure in the database by one statement, never by reading and writing back a count, so
    /// attempts at the same moment (on this node or on others sharing the database) each count (ADR 0022).
    /// </summary>
    private async Task CountFailureAsync(string key, Instant now, CancellationToken ct)
    {
        for (var round = 0; round < 3; round++)
        {
            var added = await db.SigninFailures.Where(f => f.NameHash == key)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.Count, f => f.Count + 1).SetProperty(f => f.LastAt, now), ct).ConfigureAwait(false);
            if (added > 0)
            {
                return;
            }
            var first = new SigninFailure { NameHash = key, Count = 1, LastAt = now };
            db.SigninFailures.Add(first);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                // Another attempt for the same name made the row first: add to it.
            }
            finally
            {
                db.Entry(first).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Marks this browser as one its owner signs in on (it need not wait after others' failures).</summary>
    public void RememberDevice(HttpResponse response, WaneUser user, bool https) =>
        response.Cookies.Append(DeviceCookie, DeviceCookieFor(user), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = https,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(400),
        });

    /// <summary>The device cookie's value for a browser that has just signed in as this user.</summary>
    public string DeviceCookieFor(WaneUser user) =>
        Protector().Protect(user.NormalizedUserName ?? "");

    /// <summary>The key of a normalized name's failure count.</summary>
    public static string NameKey(string normalizedName) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedName)));

    private bool Trusted(string? cookie, string normalized)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return false;
        }
        try
        {
            return string.Equals(Protector().Unprotect(cookie), normalized, StringComparison.Ordinal);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private IDataProtector Protector() => protection.CreateProtector("Wane.SignIn.DeviceCookie");

    private bool DummyCheck(string password)
    {
        var dummy = new WaneUser { UserName = "", TimeZone = "UTC" };
        _dummyHash ??= users.PasswordHasher.HashPassword(dummy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
        _ = users.PasswordHasher.VerifyHashedPassword(dummy, _dummyHash, password);
        return false;
    }
}
