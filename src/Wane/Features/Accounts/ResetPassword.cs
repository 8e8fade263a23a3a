using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>
/// A one-time link to choose a new password, made by an admin (<c>wane user reset-password</c>, the admin page)
/// for someone who forgot theirs. The secret has 256 random bits; only its SHA-256 hash and expiry are kept, as
/// one of the person's Identity tokens (so a new link replaces the old one and erasing the account removes it).
/// Making a link ends every session of the person; using it sets the password and ends them again.
/// </summary>
internal sealed class ResetPassword(WaneDb db, Accounts accounts, IClock clock)
{
    public static readonly Duration Lifetime = Duration.FromHours(24);
    public const string Refused = "This link has expired or has been used. Ask the people who run this Wane for a new one.";

    private const string Provider = "[Wane]";
    private const string Name = "PasswordReset";

    /// <summary>Makes a link's secret for the account; returns it and how many sessions ended.</summary>
    public async Task<Outcome<(string Secret, int SessionsEnded)>> CreateAsync(string userId, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct).ConfigureAwait(false))
        {
            return new Outcome<(string, int)>.NotFound("User");
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = (clock.GetCurrentInstant() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == Name).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = Name, Value = Hash(secret) + " " + expires });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var ended = await db.SigninSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return (secret, ended);
    }

    /// <summary>The account whose live link this is, or null.</summary>
    public async Task<string?> OwnerAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return null;
        }
        var prefix = Hash(secret.Trim()) + " ";
        var row = await db.UserTokens.AsNoTracking().Where(t => t.LoginProvider == Provider && t.Name == Name && t.Value!.StartsWith(prefix))
            .Select(t => new { t.UserId, t.Value }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return row is not null && long.TryParse(row.Value![prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var until)
            && clock.GetCurrentInstant() < Instant.FromUnixTimeSeconds(until) ? row.UserId : null;
    }

    /// <summary>Sets the new password and uses the link up, both or neither (a password refused leaves the link usable).</summary>
    public async Task<Outcome<int>> UseAsync(string? secret, string? password, CancellationToken ct)
    {
        if (await OwnerAsync(secret, ct).ConfigureAwait(false) is not { } userId)
        {
            return Outcome<int>.Fail("link", Refused);
        }
        var prefix = Hash(secret!.Trim()) + " ";
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == Name && t.Value!.StartsWith(prefix))
            .ExecuteDeleteAsync(ct).ConfigureAwait(false) == 0)
        {
            return Outcome<int>.Fail("link", Refused);
        }
        var set = await accounts.SetPasswordAsync(userId, password, ct).ConfigureAwait(false);
        if (set is Outcome<int>.Ok)
        {
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        return set;
    }

    /// <summary>The page's address for a secret, on the instance's public address.</summary>
    public static string Link(string baseUrl, string secret) => $"{baseUrl.TrimEnd('/')}/reset-password?token={secret}";

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
