using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Features.Common;

namespace Wane.Features.Guardrails;

/// <summary>Cancels a scheduled break (404 for another person's or an unknown id).</summary>
internal sealed class RemoveBreak(WaneDb db)
{
    public async Task<bool> RemoveAsync(string userId, long id, CancellationToken ct) =>
        await db.Breaks.Where(b => b.Id == id && b.UserId == userId).ExecuteDeleteAsync(ct).ConfigureAwait(false) > 0;

    public static RouteGroupBuilder MapRemoveBreakEndpoint(RouteGroupBuilder breaks)
    {
        breaks.MapDelete("/{id:long}", Handle).WithName("RemoveBreak").WithSummary("Cancel a scheduled break");
        return breaks;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(long id, HttpContext http, RemoveBreak store, CancellationToken ct) =>
        await store.RemoveAsync(http.User.Id(), id, ct).ConfigureAwait(false) ? TypedResults.NoContent() : ApiResults.NotFound("Break");
}
