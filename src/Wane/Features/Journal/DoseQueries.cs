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
    /// <summary>The longest range one request may read.</summary>
    public const int MaxRangeDays = 366;

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
        var errors = new List<FieldError>();
        var to = Date(toText, "to", today, errors);
        var from = Date(fromText, "from", to.PlusDays(-6), errors);
        if (errors.Count == 0 && to < from)
        {
            errors.Add(new("to", "The end date is before the start date."));
        }
        if (errors.Count == 0 && Period.Between(from, to, PeriodUnits.Days).Days >= MaxRangeDays)
        {
            errors.Add(new("from", $"Ask for at most {MaxRangeDays} days at a time."));
        }
        if (errors.Count > 0)
        {
            return Outcome<DoseListView>.Fail(errors);
        }
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

    private static LocalDate Date(string? text, string field, LocalDate fallback, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (TimeText.ParseDate(text) is { } d)
        {
            return d;
        }
        errors.Add(new(field, "Use a date like 2026-11-25 (YYYY-MM-DD)."));
        return fallback;
    }
}

internal static class DoseQueryEndpoints
{
    public static RouteGroupBuilder MapDoseQueryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/doses", List).WithName("ListDoses").WithTags("Journal")
            .WithSummary("Doses between two local dates (inclusive; default the last 7 days)");
        api.MapGet("/doses/{id:long}", Get).WithName("GetDose").WithTags("Journal");
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
