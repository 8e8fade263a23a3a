using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;

namespace Wane.Features.CheckIns;

/// <summary>A SOWS total and when (if ever) the person chose to go on with their plan despite it.</summary>
internal sealed record SowsCheckIn(long Id, Instant TakenAt, int Total, Instant? OverriddenAt);

/// <summary>Reads of check-ins that other areas need (the plan's automatic holds).</summary>
internal sealed class CheckInQueries(WaneDb db)
{
    /// <summary>The person's scored SOWS check-ins taken at or after <paramref name="since"/>, oldest first.</summary>
    public Task<List<SowsCheckIn>> SowsSinceAsync(string userId, Instant since, CancellationToken ct) =>
        db.CheckIns.AsNoTracking()
            .Where(c => c.UserId == userId && c.Instrument == "sows" && c.TakenAt >= since && c.Score != null)
            .OrderBy(c => c.TakenAt)
            .Select(c => new SowsCheckIn(c.Id, c.TakenAt, c.Score!.Value, c.HoldOverriddenAt))
            .ToListAsync(ct);
}
