using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Features.Common;

namespace Wane.Features.Admin;

/// <summary>
/// Making an account an admin or not (<c>wane user admin NAME --on|--off</c>). The first account is one; at least
/// one enabled admin always remains, so someone can always reach the admin page.
/// </summary>
internal sealed class SetAdmin(WaneDb db)
{
    /// <summary>True when it changed.</summary>
    public async Task<Outcome<bool>> SetAsync(string userId, bool admin, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UserName, u.IsAdmin, u.DisabledAt })
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (user is null)
        {
            return new Outcome<bool>.NotFound("User");
        }
        if (user.IsAdmin == admin)
        {
            return false;
        }
        if (!admin && user.DisabledAt is null && !await ListAccounts.AnotherAdminAsync(db, userId, ct).ConfigureAwait(false))
        {
            return new Outcome<bool>.Conflict(ListAccounts.LastAdminTitle,
                $"{user.UserName} is the only enabled admin. Make another account an admin first (wane user admin NAME --on).");
        }
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsAdmin, admin), ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }
}
