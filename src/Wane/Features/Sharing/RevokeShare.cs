using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Features.Common;

namespace Wane.Features.Sharing;

/// <summary>
/// Ends a share at once: every viewer read loads its grant again (<see cref="ShareGrants"/>), so the next request after
/// this one reads nothing. The row stays revoked, with its access log, for the person to read.
/// </summary>
internal sealed class RevokeShare(WaneDb db, IClock clock)
{
    /// <summary>True when the share was the owner's (revoking one already revoked is fine); false when there is none.</summary>
    public async Task<bool> HandleAsync(string ownerId, long id, CancellationToken ct)
    {
        var row = await db.Shares.Where(s => s.UserId == ownerId && s.Id == id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (row is null)
        {
            return false;
        }
        if (row.RevokedAt is null)
        {
            row.RevokedAt = clock.GetCurrentInstant();
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        return true;
    }
}

internal static class RevokeShareEndpoint
{
    public static RouteGroupBuilder MapRevokeShareEndpoint(this RouteGroupBuilder api)
    {
        api.MapDelete("/shares/{id:long}", Handle).WithName("RevokeShare").WithTags("Sharing")
            .WithSummary("Revoke a share: its viewer reads nothing from the next request on (the share and its access log stay listed)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(long id, HttpContext http, RevokeShare handler, CancellationToken ct) =>
        await handler.HandleAsync(http.User.Id(), id, ct).ConfigureAwait(false) ? TypedResults.NoContent() : ApiResults.NotFound("Share");
}
