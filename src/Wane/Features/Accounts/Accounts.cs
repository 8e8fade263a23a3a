using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Time;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>Creating accounts and finding them (shared by the first-run page, sign-up and <c>wane user add</c>).</summary>
internal sealed class Accounts(UserManager<WaneUser> users, WaneDb db, IClock clock)
{
    public const int MaxNameLength = 64;

    public Task<bool> AnyAsync(CancellationToken ct) => db.Users.AnyAsync(ct);

    public Task<WaneUser?> FindAsync(string name) => users.FindByNameAsync(name.Trim());

    public Task<List<string>> NamesAsync(CancellationToken ct) =>
        db.Users.OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(ct);

    public async Task<Outcome<WaneUser>> CreateAsync(string? name, string? password, string? timeZone)
    {
        var errors = new List<FieldError>();
        var n = name?.Trim();
        if (string.IsNullOrEmpty(n))
        {
            errors.Add(new("name", "Choose a user name."));
        }
        else if (n.Length > MaxNameLength)
        {
            errors.Add(new("name", $"Keep the name to {MaxNameLength} characters or fewer."));
        }
        else if (FreeText.HasLineControl(n))
        {
            errors.Add(new("name", FreeText.LineControlMessage));
        }
        var zone = string.IsNullOrWhiteSpace(timeZone) ? MachineZone() : timeZone.Trim();
        if (!TimeZones.TryFind(zone, out _))
        {
            errors.Add(new("timeZone", TimeZones.Unknown(timeZone)));
        }
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new("password", PasswordPolicy.TooShortMessage));
        }
        if (errors.Count > 0)
        {
            return Outcome<WaneUser>.Fail(errors);
        }
        // The first account administers the instance (the /setup page's, or the first `wane user add`).
        var first = !await db.Users.AnyAsync().ConfigureAwait(false);
        var user = new WaneUser { UserName = n, TimeZone = zone, CreatedAt = clock.GetCurrentInstant(), IsAdmin = first };
        var result = await users.CreateAsync(user, password!).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Outcome<WaneUser>.Fail(result.Errors.Select(e => new FieldError(
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "name",
                e.Code == "DuplicateUserName" ? "That name is taken." : e.Description)).ToList());
        }
        return user;
    }

    /// <summary>
    /// Sets a new password without the old one (the admin's <c>wane user password</c>): every session of the
    /// person ends and the failures counted against the name are forgotten. Returns how many sessions ended.
    /// </summary>
    public async Task<Outcome<int>> SetPasswordAsync(string userId, string? password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return Outcome<int>.Fail("name", "There is no such user.");
        }
        var errors = new List<FieldError>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password ?? "").ConfigureAwait(false);
            errors.AddRange(check.Errors.Select(e => new FieldError("password", e.Description)));
        }
        if (string.IsNullOrEmpty(password) || errors.Count > 0)
        {
            return Outcome<int>.Fail(errors.Count > 0 ? errors : [new FieldError("password", PasswordPolicy.TooShortMessage)]);
        }
        // Validated first, so the password is never left removed without a new one.
        var removed = await users.RemovePasswordAsync(user).ConfigureAwait(false);
        var added = removed.Succeeded ? await users.AddPasswordAsync(user, password).ConfigureAwait(false) : removed;
        if (!added.Succeeded)
        {
            return Outcome<int>.Fail(added.Errors.Select(e => new FieldError("password", e.Description)).ToList());
        }
        await db.SigninFailures.Where(f => f.NameHash == SignInGate.NameKey(user.NormalizedUserName ?? "")).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        return await db.SigninSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Turns two-factor sign-in off and forgets the authenticator key and recovery codes (for the person, or
    /// the admin when someone has lost both). False when it was not on.
    /// </summary>
    public async Task<bool> TurnOffTwoFactorAsync(string userId)
    {
        if (await users.FindByIdAsync(userId).ConfigureAwait(false) is not { } user)
        {
            return false;
        }
        var wasOn = await users.GetTwoFactorEnabledAsync(user).ConfigureAwait(false);
        await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false);
        await users.RemoveAuthenticationTokenAsync(user, IdentityStoreProvider, "AuthenticatorKey").ConfigureAwait(false);
        await users.RemoveAuthenticationTokenAsync(user, IdentityStoreProvider, "RecoveryCodes").ConfigureAwait(false);
        return wasOn;
    }

    // The login provider under which Identity's store keeps the authenticator key and recovery codes.
    private const string IdentityStoreProvider = "[AspNetUserStore]";

    /// <summary>The machine's IANA zone, or UTC when it cannot be determined.</summary>
    public static string MachineZone()
    {
        var id = DateTimeZoneProviders.Tzdb.GetSystemDefault()?.Id;
        return id is not null && TimeZones.TryFind(id, out _) ? id : "UTC";
    }
}
