using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Domain.Time;
using Wane.Features.Common;

namespace Wane.Features.Journal;

/// <summary>One entry of a dose's audit trail. <c>before</c>/<c>after</c> are the dose's fields at that moment.</summary>
public sealed record DoseChangeView([property: DataType(DataType.DateTime)] string At, string Action, JsonElement? Before, JsonElement? After);

internal sealed class GetDoseHistory(WaneDb db)
{
    /// <summary>The audit trail of a dose (also of a deleted one), oldest first; null when no such dose was ever the user's.</summary>
    public async Task<IReadOnlyList<DoseChangeView>?> HistoryAsync(string userId, long id, CancellationToken ct)
    {
        var changes = (await db.DoseAudits.AsNoTracking().Where(a => a.UserId == userId && a.DoseId == id).OrderBy(a => a.Id).ToListAsync(ct).ConfigureAwait(false))
            .Select(a => new DoseChangeView(TimeText.Format(a.At), a.Action, Parse(a.Before), Parse(a.After)))
            .ToList();
        return changes.Count > 0 || await db.Doses.AnyAsync(d => d.Id == id && d.UserId == userId, ct).ConfigureAwait(false) ? changes : null;
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    public static RouteGroupBuilder MapGetDoseHistoryEndpoint(RouteGroupBuilder api)
    {
        api.MapGet("/doses/{id:long}/history", Handle).WithName("GetDoseHistory").WithTags("Journal")
            .WithSummary("The audit trail of a dose: when it was changed or deleted, and what changed");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<DoseChangeView>>, ProblemHttpResult>> Handle(long id, HttpContext http, GetDoseHistory handler, CancellationToken ct) =>
        await handler.HistoryAsync(http.User.Id(), id, ct).ConfigureAwait(false) is { } changes
            ? TypedResults.Ok(changes)
            : ApiResults.NotFound("Dose");
}
