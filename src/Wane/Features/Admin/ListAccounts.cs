using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Domain.Time;

namespace Wane.Features.Admin;

/// <summary>
/// One account as an admin sees it: who, since when, how it signs in. Never anything of the record (doses,
/// products, notes, counts of either): running the instance does not need them.
/// </summary>
internal sealed record AccountSummary(string Name, string CreatedAt, string? LastSignInAt, bool Disabled, bool Admin, bool TwoFactor);

/// <summary>The accounts of the instance (<c>wane user list</c>, the admin page), and who is an admin.</summary>
internal sealed class ListAccounts(WaneDb db)
{
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedUserName)
            .Select(u => new { u.UserName, u.CreatedAt, u.LastSignInAt, u.DisabledAt, u.IsAdmin, u.TwoFactorEnabled })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(u => new AccountSummary(u.UserName!, TimeText.Format(u.CreatedAt), u.LastSignInAt is { } s ? TimeText.Format(s) : null,
            u.DisabledAt is not null, u.IsAdmin, u.TwoFactorEnabled)).ToList();
    }

    /// <summary>Whether this account is an admin now (read on every admin request: a change applies at once).</summary>
    public Task<bool> IsAdminAsync(string userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id == userId && u.IsAdmin && u.DisabledAt == null, ct);

    /// <summary>Whether an enabled admin other than <paramref name="userId"/> remains.</summary>
    public static Task<bool> AnotherAdminAsync(WaneDb db, string userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id != userId && u.IsAdmin && u.DisabledAt == null, ct);

    public const string LastAdminTitle = "At least one admin must remain.";
}
