using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Features.Common;

namespace Wane.Features.Admin;

/// <summary>
/// Disabling an account (an admin's <c>wane user disable</c> or the admin page): it cannot sign in by any way,
/// its sessions end (enabling does not bring them back), and its tokens and calendar feed are refused while it
/// stays disabled (their lookups read the account). Nothing of the record is touched; enabling restores sign-in.
/// </summary>
internal sealed class DisableAccount(WaneDb db, IClock clock)
{
    /// <summary>What changed: whether it was enabled before, and how many sessions ended.</summary>
    public sealed record Result(bool Changed, int SessionsEnded);

    public async Task<Outcome<Result>> DisableAsync(string userId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UserName, u.IsAdmin, u.DisabledAt })
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (user is null)
        {
            return new Outcome<Result>.NotFound("User");
        }
        if (user.DisabledAt is not null)
        {
            return new Result(false, 0);
        }
        if (user.IsAdmin && !await ListAccounts.AnotherAdminAsync(db, userId, ct).ConfigureAwait(false))
        {
            return new Outcome<Result>.Conflict(ListAccounts.LastAdminTitle,
                $"{user.UserName} is the only enabled admin. Make another account an admin first (wane user admin NAME --on).");
        }
        var now = clock.GetCurrentInstant();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, now), ct).ConfigureAwait(false);
        var ended = await db.SigninSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new Result(true, ended);
    }

    /// <summary>Lets the account sign in again; false when it was not disabled.</summary>
    public async Task<Outcome<bool>> EnableAsync(string userId, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct).ConfigureAwait(false))
        {
            return new Outcome<bool>.NotFound("User");
        }
        var changed = await db.Users.Where(u => u.Id == userId && u.DisabledAt != null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, (Instant?)null), ct).ConfigureAwait(false);
        return changed > 0;
    }
}
