using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Domain.CheckIns;

namespace Wane.Features.CheckIns;

/// <summary>A SOWS total and when (if ever) the person chose to go on with their plan despite it.</summary>
internal sealed record SowsCheckIn(long Id, Instant TakenAt, int Total, Instant? OverriddenAt);

/// <summary>Reads of check-ins that other areas need (the plan's automatic holds).</summary>
internal sealed class CheckInQueries(WaneDb db)
{
    /// <summary>The person's scored SOWS check-ins taken at or after <paramref name="since"/>, oldest first. Read for every dose during a plan.</summary>
    public async Task<List<SowsCheckIn>> SowsSinceAsync(string userId, Instant since, CancellationToken ct)
    {
        var sows = new List<SowsCheckIn>();
        await foreach (var s in ReadSowsSince(db, userId, since).WithCancellation(ct).ConfigureAwait(false))
        {
            sows.Add(s);
        }
        return sows;
    }

    private static readonly Func<WaneDb, string, Instant, IAsyncEnumerable<SowsCheckIn>> ReadSowsSince =
        EF.CompileAsyncQuery<WaneDb, string, Instant, SowsCheckIn>((db, userId, since) =>
            db.CheckIns.AsNoTracking()
                .Where(c => c.UserId == userId && c.Instrument == InstrumentKind.Sows && c.TakenAt >= since && c.Score != null)
                .OrderBy(c => c.TakenAt)
                .Select(c => new SowsCheckIn(c.Id, c.TakenAt, c.Score!.Value, c.HoldOverriddenAt)));

    /// <summary>The names of the viewers who entered check-ins, by the share they entered them through.</summary>
    public static async Task<Dictionary<long, string>> EnteredByAsync(WaneDb db, IEnumerable<long?> shareIds, CancellationToken ct)
    {
        var ids = shareIds.OfType<long>().Distinct().ToArray();
        if (ids.Length == 0)
        {
            return [];
        }
        return await (from s in db.Shares.AsNoTracking()
                      join u in db.Users.AsNoTracking() on s.GranteeId equals u.Id
                      where ids.Contains(s.Id)
                      select new { s.Id, u.UserName }).ToDictionaryAsync(x => x.Id, x => x.UserName ?? EnteredByGone, ct).ConfigureAwait(false);
    }

    /// <summary>Said of a check-in whose viewer's account has since been deleted.</summary>
    public const string EnteredByGone = "someone you shared with (their account is gone)";
}
