using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Journal;

/// <summary>Reading the journal by local days. Reads only the window asked for (indexed by user and time).</summary>
internal sealed class DoseQueries(WaneDb db, Profile profile, IClock clock)
{
    public async Task<List<Dose>> RangeAsync(string userId, LocalDays days, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var span = days.Span(from, to);
        return await db.Doses.AsNoTracking().Include(d => d.Product)
            .Where(d => d.UserId == userId && d.TakenAt >= span.Start && d.TakenAt < span.End)
            .OrderBy(d => d.TakenAt).ThenBy(d => d.Id)
            .ToListAsync(ct).ConfigureAwait(false);
    }

    public async Task<DayView> DayAsync(string userId, LocalDate date, CancellationToken ct)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var doses = await RangeAsync(userId, days, date, date, ct).ConfigureAwait(false);
        return Day(date, doses, days);
    }

    public static DayView Day(LocalDate date, IReadOnlyList<Dose> doses, LocalDays days) => new(
        TimeText.Format(date),
        DayTotals.Compute(doses.Select(d => (d.Kind, d.Normalized))).Select(TotalView.From).ToArray(),
        doses.Select(d => DoseView.From(d, d.Product!, days)).ToArray());

    public async Task<Outcome<DoseListView>> ListAsync(string userId, string? fromText, string? toText, CancellationToken ct)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var today = days.DayOf(clock.GetCurrentInstant());
        var range = DateRange.Parse(fromText, toText, today, defaultDays: 7);
        if (range is Outcome<(LocalDate, LocalDate)>.Invalid bad)
        {
            return Outcome<DoseListView>.Fail(bad.Errors);
        }
        var (from, to) = ((Outcome<(LocalDate From, LocalDate To)>.Ok)range).Value;
        var doses = await RangeAsync(userId, days, from, to, ct).ConfigureAwait(false);
        return new DoseListView(TimeText.Format(from), TimeText.Format(to), doses.Select(d => DoseView.From(d, d.Product!, days)).ToArray());
    }

    public async Task<DoseView?> GetAsync(string userId, long id, CancellationToken ct)
    {
        var dose = await db.Doses.AsNoTracking().Include(d => d.Product)
            .SingleOrDefaultAsync(d => d.Id == id && d.UserId == userId, ct).ConfigureAwait(false);
        if (dose is null)
        {
            return null;
        }
        return DoseView.From(dose, dose.Product!, await profile.DaysAsync(userId, ct).ConfigureAwait(false));
    }

}

internal static class DoseQueryEndpoints
{
    public static RouteGroupBuilder MapDoseQueryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/doses", List).WithName("ListDoses").WithTags("Journal")
            .WithSummary("Doses between two local dates (inclusive; default the last 7 days)");
        api.MapGet("/doses/{id:long}", Get).WithName("GetDose").WithTags("Journal")
            .WithSummary("One dose, with its normalized amount");
        api.MapGet("/days/{date}", Day).WithName("GetDay").WithTags("Journal")
            .WithSummary("A local day's totals per kind and its doses");
        return api;
    }

    private static async Task<Results<Ok<DoseListView>, ValidationProblem>> List(
        string? from, string? to, HttpContext http, DoseQueries queries, CancellationToken ct) =>
        await queries.ListAsync(http.User.Id(), from, to, ct).ConfigureAwait(false) switch
        {
            Outcome<DoseListView>.Ok ok => TypedResults.Ok(ok.Value),
            Outcome<DoseListView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };

    private static async Task<Results<Ok<DoseView>, ProblemHttpResult>> Get(long id, HttpContext http, DoseQueries queries, CancellationToken ct) =>
        await queries.GetAsync(http.User.Id(), id, ct).ConfigureAwait(false) is { } dose
            ? TypedResults.Ok(dose)
            : ApiResults.NotFound("Dose");

    private static async Task<Results<Ok<DayView>, ValidationProblem>> Day(string date, HttpContext http, DoseQueries queries, CancellationToken ct) =>
        TimeText.ParseDate(date) is { } d
            ? TypedResults.Ok(await queries.DayAsync(http.User.Id(), d, ct).ConfigureAwait(false))
            : ApiResults.Invalid([new FieldError("date", "Use a date like 2026-11-25 (YYYY-MM-DD).")]);
}
