using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Domain.Time;

namespace Wane.Features.Accounts;

/// <summary>
/// The signed-in person's profile for one request (scope): their local days and stored guardrail settings, which
/// logging a dose needs. Authentication only identifies the caller; the first use case that asks loads the
/// profile here with one query, and the rest of the request reuses it. A use case that changes either forgets it.
/// </summary>
internal sealed class RequestProfile(WaneDb db)
{
    /// <summary>What a request knows of the person: their calendar days and their guardrail settings as stored (null: the defaults).</summary>
    internal sealed record Loaded(string UserId, LocalDays Days, string? GuardrailJson);

    private sealed record Row(string TimeZone, int DayStartHour, string? GuardrailJson);

    // Read once for every request that logs or shows a dose.
    private static readonly Func<WaneDb, string, CancellationToken, Task<Row?>> Read =
        EF.CompileAsyncQuery((WaneDb db, string userId, CancellationToken ct) =>
            (from u in db.Users
             join g in db.GuardrailSettings on u.Id equals g.UserId into settings
             from g in settings.DefaultIfEmpty()
             where u.Id == userId
             select new Row(u.TimeZone, u.DayStartHour, g == null ? null : g.Json))
            .SingleOrDefault());

    private Loaded? _loaded;

    /// <summary>The person's profile, read on first use in this request; null when there is no such account.</summary>
    public async ValueTask<Loaded?> GetAsync(string userId, CancellationToken ct)
    {
        if (_loaded is { } known && known.UserId == userId)
        {
            return known;
        }
        var row = await Read(db, userId, ct).ConfigureAwait(false);
        _loaded = row is null ? null : new Loaded(userId, Profile.Days(row.TimeZone, row.DayStartHour), row.GuardrailJson);
        return _loaded;
    }

    /// <summary>Forgets what was read, after a use case changed the person's days or settings.</summary>
    public void Forget() => _loaded = null;
}
