using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Journal;

internal sealed class DeleteDose(WaneDb db, IClock clock)
{
    /// <summary>
    /// Deletes a dose. The deletion is kept in its audit trail with the dose's fields; with <paramref name="purge"/>
    /// the dose's whole trail is erased instead (also for a dose deleted earlier), leaving at most a bare
    /// "purged" row that keeps its client id, so a retry is still answered 410 rather than logged again.
    /// False when there is no such dose (or nothing left to erase).
    /// </summary>
    public async Task<bool> DeleteAsync(string userId, long id, bool purge, CancellationToken ct)
    {
        var dose = await db.Doses.SingleOrDefaultAsync(d => d.Id == id && d.UserId == userId, ct).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        if (!purge)
        {
            if (dose is null)
            {
                return false;
            }
            db.DoseAudits.Add(new DoseAudit { UserId = userId, DoseId = id, At = now, Action = "deleted", Before = EditDose.Snap(dose), ClientId = dose.ClientId });
            db.Doses.Remove(dose);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }
        var trail = await db.DoseAudits.Where(a => a.UserId == userId && a.DoseId == id).ToListAsync(ct).ConfigureAwait(false);
        if (dose is null && trail.All(a => a.Action == EditDose.Purged))
        {
            return false;
        }
        var clientId = dose?.ClientId ?? trail.Select(a => a.ClientId).FirstOrDefault(c => c is not null);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        db.DoseAudits.RemoveRange(trail);
        if (dose is not null)
        {
            db.Doses.Remove(dose);
        }
        if (clientId is not null)
        {
            db.DoseAudits.Add(new DoseAudit { UserId = userId, DoseId = id, At = now, Action = EditDose.Purged, ClientId = clientId });
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    public static RouteGroupBuilder MapDeleteDoseEndpoint(RouteGroupBuilder api)
    {
        api.MapDelete("/doses/{id:long}", Handle).WithName("DeleteDose").WithTags("Journal")
            .WithSummary("Delete a dose (the deletion is kept in its audit trail; purge=true erases the trail too)")
            .WithDescription("Without purge, the dose's fields stay in its audit trail as a \"deleted\" entry. With purge=true the dose and every entry of its trail are erased (also for a dose deleted earlier); only a bare \"purged\" entry with its clientId remains, when it had one, so a retry of the same log is answered 410 instead of being stored again.");
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(long id, HttpContext http, DeleteDose handler, CancellationToken ct, bool purge = false) =>
        await handler.DeleteAsync(http.User.Id(), id, purge, ct).ConfigureAwait(false) ? TypedResults.NoContent() : ApiResults.NotFound("Dose");
}
