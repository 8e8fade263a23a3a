using System.Buffers.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Features.Common;
using Wane.Web;

namespace Wane.Features.Accounts;

/// <summary>
/// A person's passkeys (WebAuthn credentials, through ASP.NET Core Identity's passkey support): listing, naming and
/// removing them, always scoped to their owner, and the admin's "remove them all". Adding one and signing in with one
/// are ceremonies with the browser, on the passkeys and sign-in pages.
/// </summary>
internal sealed class Passkeys(UserManager<WaneUser> users, WaneDb db)
{
    public const int MaxNameLength = 60;

    /// <summary>The largest credential a browser's answer may be (Identity caps the id at 1023 bytes; keys are small).</summary>
    public const int MaxCredentialJsonLength = 64 * 1024;

    public sealed record PasskeyView(string Id, string Name, string CreatedOn);

    public async Task<IReadOnlyList<PasskeyView>> ListAsync(WaneUser user) =>
        [.. (await users.GetPasskeysAsync(user).ConfigureAwait(false))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyView(Base64Url.EncodeToString(p.CredentialId), p.Name ?? "Passkey",
                p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>A name as typed, checked; blank gives <paramref name="fallback"/>.</summary>
    public static Outcome<string> CheckName(string? name, string fallback)
    {
        var n = name?.Trim();
        if (string.IsNullOrEmpty(n))
        {
            return fallback;
        }
        if (n.Length > MaxNameLength)
        {
            return Outcome<string>.Fail("name", $"Keep the name to {MaxNameLength} characters or fewer.");
        }
        return FreeText.HasLineControl(n) ? Outcome<string>.Fail("name", FreeText.LineControlMessage) : n;
    }

    /// <summary>One of the person's own passkeys by the id shown on the page; null for anyone else's, or nonsense.</summary>
    public async Task<UserPasskeyInfo?> FindAsync(WaneUser user, string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 2048 || !Base64Url.IsValid(id))
        {
            return null;
        }
        return await users.GetPasskeyAsync(user, Base64Url.DecodeFromChars(id)).ConfigureAwait(false);
    }

    public async Task<bool> RenameAsync(WaneUser user, UserPasskeyInfo passkey, string name)
    {
        passkey.Name = name;
        return (await users.AddOrUpdatePasskeyAsync(user, passkey).ConfigureAwait(false)).Succeeded;
    }

    public async Task<bool> RemoveAsync(WaneUser user, UserPasskeyInfo passkey) =>
        (await users.RemovePasskeyAsync(user, passkey.CredentialId).ConfigureAwait(false)).Succeeded;

    /// <summary>The admin's <c>wane user passkeys-off</c>: every passkey of the person goes. Returns how many.</summary>
    public Task<int> RemoveAllAsync(string userId, CancellationToken ct) =>
        db.UserPasskeys.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>The passkey settings: the site's own name as the relying party, the person verified (a PIN, a fingerprint).</summary>
    public static void Configure(IdentityPasskeyOptions o, IConfiguration configuration)
    {
        var publicUrl = PublicUrl.Parse(configuration["PublicUrl"]);
        // Without a public URL the request's host is the relying party: host filtering already limits it.
        o.ServerDomain = publicUrl?.IdnHost;
        // A passkey sign-in skips the authenticator code, so it must be two factors itself: the device and its unlock.
        o.UserVerificationRequirement = "required";
        // Discoverable, so "Sign in with a passkey" needs no name first.
        o.ResidentKeyRequirement = "required";
        o.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin
            && Uri.TryCreate(context.Origin, UriKind.Absolute, out var origin)
            && string.Equals(origin.GetLeftPart(UriPartial.Authority),
                publicUrl?.GetLeftPart(UriPartial.Authority) ?? $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}",
                StringComparison.OrdinalIgnoreCase));
    }
}
