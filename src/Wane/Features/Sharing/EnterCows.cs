using Wane.Features.CheckIns;
using Wane.Features.Common;

namespace Wane.Features.Sharing;

/// <summary>
/// A viewer the person allowed to (<c>mayEnterCows</c>, account shares only) enters a COWS, the observer's scale, into
/// the person's check-ins, recorded as entered through that share. It is the one thing a viewer can write.
/// </summary>
internal sealed class EnterCows(Data.WaneDb db, ShareGrants grants, AddCheckIn checkIns)
{
    public async Task<Outcome<CheckInView>> HandleAsync(string viewerId, long shareId, SharedCowsBody body, CancellationToken ct)
    {
        var grant = await grants.ForViewerAsync(viewerId, shareId, ct).ConfigureAwait(false);
        if (grant is null)
        {
            return new Outcome<CheckInView>.NotFound("Share");
        }
        if (!grant.MayEnterCows)
        {
            return new Outcome<CheckInView>.Conflict("Not allowed.", $"{grant.OwnerName} has not allowed you to enter a COWS; nothing was stored.");
        }
        if (!string.Equals(body.Instrument?.Trim(), "cows", StringComparison.OrdinalIgnoreCase))
        {
            return Outcome<CheckInView>.Fail("instrument", "A viewer can enter only a COWS (\"cows\"), the observer's scale.");
        }
        var outcome = await checkIns.AddAsync(grant.OwnerId, new CheckInBody("cows", body.TakenAt, body.Answers), ct, grant.ShareId).ConfigureAwait(false);
        if (outcome is Outcome<CheckInView>.Ok ok)
        {
            await grants.LogAsync(grant, "cows", ct).ConfigureAwait(false);
            var by = (await CheckIns.CheckInQueries.EnteredByAsync(db, [grant.ShareId], ct).ConfigureAwait(false)).GetValueOrDefault(grant.ShareId);
            return ok.Value with { EnteredBy = by };
        }
        return outcome;
    }
}
