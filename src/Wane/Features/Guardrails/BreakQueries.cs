using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Guardrails;

/// <summary>A scheduled break.</summary>
public sealed record BreakView(long Id, [property: DataType(DataType.Date)] string From, [property: DataType(DataType.Date)] string To, int Days, string? Note);

/// <summary>Scheduled breaks from kratom (R3), as read for every dose logged, the pages and the calendar feed.</summary>
internal sealed class BreakQueries(WaneDb db)
{
    public static BreakView View(Break b) =>
        new(b.Id, TimeText.Format(b.From), TimeText.Format(b.To), Period.Between(b.From, b.To, PeriodUnits.Days).Days + 1, b.Note);

    // Read for every dose logged.
    private static readonly Func<WaneDb, string, LocalDate, IAsyncEnumerable<Break>> ReadFrom =
        EF.CompileAsyncQuery<WaneDb, string, LocalDate, Break>((db, userId, from) =>
            db.Breaks.AsNoTracking().Where(b => b.UserId == userId && b.To >= from).OrderBy(b => b.From));

    /// <summary>Breaks that end on or after <paramref name="from"/>, in date order.</summary>
    public async Task<List<Break>> FromAsync(string userId, LocalDate from, CancellationToken ct)
    {
        var found = new List<Break>();
        await foreach (var b in ReadFrom(db, userId, from).WithCancellation(ct).ConfigureAwait(false))
        {
            found.Add(b);
        }
        return found;
    }

    public static string Describe(BreakView b) =>
        b.From == b.To ? b.From : string.Create(CultureInfo.InvariantCulture, $"{b.From} to {b.To} ({b.Days} days)");

    public static RouteGroupBuilder MapListBreaksEndpoint(RouteGroupBuilder breaks)
    {
        breaks.MapGet("/", List).WithName("ListBreaks").WithSummary("Scheduled breaks that have not ended yet (or ?all=true)");
        return breaks;
    }

    private static async Task<Ok<BreakView[]>> List(bool? all, HttpContext http, BreakQueries store, Profile profile, IClock clock, CancellationToken ct)
    {
        var userId = http.User.Id();
        var from = all == true ? new LocalDate(1, 1, 1) : (await profile.DaysAsync(userId, ct).ConfigureAwait(false)).DayOf(clock.GetCurrentInstant());
        return TypedResults.Ok((await store.FromAsync(userId, from, ct).ConfigureAwait(false)).Select(View).ToArray());
    }
}
