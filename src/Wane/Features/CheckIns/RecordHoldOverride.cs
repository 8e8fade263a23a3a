using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;

namespace Wane.Features.CheckIns;

/// <summary>Records on a SOWS check-in that the person chose to go on with their plan despite it (Tapering's <c>OverrideHold</c> asks).</summary>
internal sealed class RecordHoldOverride(WaneDb db, IClock clock)
{
    public async Task RecordAsync(string userId, long checkInId, CancellationToken ct)
    {
        var reading = await db.CheckIns.SingleAsync(c => c.Id == checkInId && c.UserId == userId, ct).ConfigureAwait(false);
        reading.HoldOverriddenAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
