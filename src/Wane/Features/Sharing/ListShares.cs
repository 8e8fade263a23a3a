using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Sharing;

/// <summary>The person's shares: who has access, since when, what they see, when they last looked, and the access log.</summary>
internal sealed class ListShares(WaneDb db, Profile profile, IClock clock)
{
    /// <summary>The newest rows of an access log one answer shows.</summary>
    public const int LogRows = 500;

    public async Task<IReadOnlyList<ShareView>> ListAsync(string ownerId, CancellationToken ct)
    {
        var rows = await db.Shares.AsNoTracking().Where(s => s.UserId == ownerId).OrderByDescending(s => s.Id).ToListAsync(ct).ConfigureAwait(false);
        return await ViewsAsync(rows, ct).ConfigureAwait(false);
    }

    public async Task<ShareDetailView?> GetAsync(string ownerId, long id, CancellationToken ct)
    {
        var row = await db.Shares.AsNoTracking().Where(s => s.UserId == ownerId && s.Id == id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }
        var days = await profile.DaysAsync(ownerId, ct).ConfigureAwait(false);
        var log = await db.ShareAccesses.AsNoTracking().Where(a => a.UserId == ownerId && a.ShareId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(LogRows).ToListAsync(ct).ConfigureAwait(false);
        return new ShareDetailView((await ViewsAsync([row], ct).ConfigureAwait(false))[0],
            log.Select(a => new ShareAccessView(TimeText.Format(a.At), Local(days, a.At), a.What)).ToArray());
    }

    /// <summary>"2026-12-03 14:10" in the person's own zone.</summary>
    public static string Local(LocalDays days, Instant at) => $"{TimeText.Format(days.DayOf(at))} {TimeText.FormatClock(days.LocalTimeOf(at))}";

    private async Task<IReadOnlyList<ShareView>> ViewsAsync(IReadOnlyList<Share> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var granteeIds = rows.Select(r => r.GranteeId).OfType<string>().Distinct().ToArray();
        var names = await db.Users.AsNoTracking().Where(u => granteeIds.Contains(u.Id)).Select(u => new { u.Id, u.UserName })
            .ToDictionaryAsync(u => u.Id, u => u.UserName, ct).ConfigureAwait(false);
        var lastViewed = await db.ShareAccesses.AsNoTracking().Where(a => ids.Contains(a.ShareId)).GroupBy(a => a.ShareId)
            .Select(g => new { g.Key, Last = g.Max(a => a.At) }).ToDictionaryAsync(g => g.Key, g => g.Last, ct).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        return rows.Select(r => new ShareView(
            r.Id,
            WireName.Of(r.SecretHash is null ? ShareKind.Account : ShareKind.Link),
            r.GranteeId is { } g ? names.GetValueOrDefault(g) : r.Label,
            ShareGrants.Parse(r.Scopes).Order().Select(WireName.Of).ToArray(),
            r.MayEnterCows,
            r.PinHash is not null,
            TimeText.Format(r.CreatedAt),
            r.ExpiresAt is { } e ? TimeText.Format(e) : null,
            r.RevokedAt is { } rv ? TimeText.Format(rv) : null,
            lastViewed.TryGetValue(r.Id, out var last) ? TimeText.Format(last) : null,
            WireName.Of(r.RevokedAt is not null ? ShareStatus.Revoked : r.ExpiresAt is { } x && x <= now ? ShareStatus.Expired : ShareStatus.Active))).ToArray();
    }
}

internal static class ListSharesEndpoints
{
    public static RouteGroupBuilder MapListSharesEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/shares", List).WithName("ListShares").WithTags("Sharing")
            .WithSummary("Who has access to your record: each share with its scopes, since when, its expiry and when it was last viewed");
        api.MapGet("/shares/{id:long}", Get).WithName("GetShare").WithTags("Sharing")
            .WithSummary("One of your shares with its access log (newest first, at most 500 rows)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ShareView>>> List(HttpContext http, ListShares handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(http.User.Id(), ct).ConfigureAwait(false));

    private static async Task<Results<Ok<ShareDetailView>, ProblemHttpResult>> Get(long id, HttpContext http, ListShares handler, CancellationToken ct) =>
        await handler.GetAsync(http.User.Id(), id, ct).ConfigureAwait(false) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound("Share");
}
