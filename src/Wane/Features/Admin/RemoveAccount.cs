using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Admin;

/// <summary>
/// An admin deleting an account (<c>wane user delete</c>, the admin page): the same erasure as the person's own
/// (<see cref="DeleteAccount.EraseAsync"/>), except that the only enabled admin is not deleted while other accounts
/// remain (the person's own deletion is never refused: erasure is theirs to ask for).
/// </summary>
internal sealed class RemoveAccount(WaneDb db, DeleteAccount erase)
{
    /// <summary>How many rows were deleted.</summary>
    public async Task<Outcome<int>> RemoveAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct).ConfigureAwait(false);
        if (user is null)
        {
            return new Outcome<int>.NotFound("User");
        }
        if (user.IsAdmin && user.DisabledAt is null
            && !await ListAccounts.AnotherAdminAsync(db, userId, ct).ConfigureAwait(false)
            && await db.Users.AnyAsync(u => u.Id != userId, ct).ConfigureAwait(false))
        {
            return new Outcome<int>.Conflict(ListAccounts.LastAdminTitle,
                $"{user.UserName} is the only enabled admin and other accounts remain. Make another account an admin first (wane user admin NAME --on).");
        }
        return await erase.EraseAsync(user, ct).ConfigureAwait(false);
    }
}
