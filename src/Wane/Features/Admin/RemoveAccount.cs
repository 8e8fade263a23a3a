using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Admin;

/// <summary>
/// An admin deleting an account (<c>wane user delete</c>, the admin page): the same erasure as the person's own
/// (<see cref="DeleteAccount.EraseAsync"/>). Erasure is never refused, not even of the last admin: the result says
/// when no enabled admin remains, so the CLI can say how to make one (<c>wane user admin NAME --on</c>). The admin
/// page cannot get there: it refuses to delete the signed-in admin, so another admin always remains.
/// </summary>
internal sealed class RemoveAccount(WaneDb db, DeleteAccount erase)
{
    /// <summary>How many rows were deleted, and whether accounts remain with no enabled admin among them.</summary>
    public sealed record Result(int Rows, bool NoAdminLeft);

    public async Task<Outcome<Result>> RemoveAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct).ConfigureAwait(false);
        if (user is null)
        {
            return new Outcome<Result>.NotFound("User");
        }
        var rows = await erase.EraseAsync(user, ct).ConfigureAwait(false);
        var noAdmin = await db.Users.AnyAsync(ct).ConfigureAwait(false)
            && !await db.Users.AnyAsync(u => u.IsAdmin && u.DisabledAt == null, ct).ConfigureAwait(false);
        return new Result(rows, noAdmin);
    }
}
