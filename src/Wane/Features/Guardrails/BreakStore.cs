using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Guardrails;

/// <summary>A break as the API takes it: local dates, both inclusive.</summary>
public sealed record BreakBody([property: Required, DataType(DataType.Date)] string? From, [property: Required, DataType(DataType.Date)] string? To, string? Note);

/// <summary>A scheduled break.</summary>
public sealed record BreakView(long Id, [property: DataType(DataType.Date)] string From, [property: DataType(DataType.Date)] string To, int Days, string? Note);

/// <summary>Scheduled breaks from kratom (R3). A dose on a break day raises a caution; it is still recorded.</summary>
internal sealed class BreakStore(WaneDb db, Profile profile, IClock clock)
{
    public const int MaxDays = 90;
    public const int MaxNoteLength = 200;

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

    public async Task<Outcome<Break>> AddAsync(string userId, BreakBody body, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var from = TimeText.ParseDate(body.From);
        var to = TimeText.ParseDate(body.To);
        if (from is null)
        {
            errors.Add(new("from", "Use a date like 2026-12-01 (YYYY-MM-DD)."));
        }
        if (to is null)
        {
            errors.Add(new("to", "Use a date like 2026-12-03 (YYYY-MM-DD)."));
        }
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        if (note?.Length > MaxNoteLength)
        {
            errors.Add(new("note", $"Keep the note to {MaxNoteLength} characters or fewer."));
        }
        if (from is { } f && to is { } t)
        {
            var today = (await profile.DaysAsync(userId, ct).ConfigureAwait(false)).DayOf(clock.GetCurrentInstant());
            if (t < f)
            {
                errors.Add(new("to", "The break ends before it starts."));
            }
            else if (Period.Between(f, t, PeriodUnits.Days).Days + 1 > MaxDays)
            {
                errors.Add(new("to", $"A break is at most {MaxDays} days; schedule several if you need more."));
            }
            if (t < today.PlusDays(-365) || f > today.PlusYears(2))
            {
                errors.Add(new("from", "Schedule breaks within a year back and two years ahead."));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<Break>.Fail(errors);
        }
        var entity = new Break { UserId = userId, From = from!.Value, To = to!.Value, Note = note, CreatedAt = clock.GetCurrentInstant() };
        db.Breaks.Add(entity);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return entity;
    }

    public async Task<bool> RemoveAsync(string userId, long id, CancellationToken ct) =>
        await db.Breaks.Where(b => b.Id == id && b.UserId == userId).ExecuteDeleteAsync(ct).ConfigureAwait(false) > 0;

    public static string Describe(BreakView b) =>
        b.From == b.To ? b.From : string.Create(CultureInfo.InvariantCulture, $"{b.From} to {b.To} ({b.Days} days)");
}

internal static class BreakEndpoints
{
    public static RouteGroupBuilder MapBreakEndpoints(this RouteGroupBuilder api)
    {
        var breaks = api.MapGroup("/breaks").WithTags("Guardrails");
        breaks.MapGet("/", List).WithName("ListBreaks").WithSummary("Scheduled breaks that have not ended yet (or ?all=true)");
        breaks.MapPost("/", Add).WithName("AddBreak").WithSummary("Schedule a break from kratom: { \"from\": \"2026-12-01\", \"to\": \"2026-12-03\" }");
        breaks.MapDelete("/{id:long}", Remove).WithName("RemoveBreak").WithSummary("Cancel a scheduled break");
        return api;
    }

    private static async Task<Ok<BreakView[]>> List(bool? all, HttpContext http, BreakStore store, Profile profile, IClock clock, CancellationToken ct)
    {
        var userId = http.User.Id();
        var from = all == true ? new LocalDate(1, 1, 1) : (await profile.DaysAsync(userId, ct).ConfigureAwait(false)).DayOf(clock.GetCurrentInstant());
        return TypedResults.Ok((await store.FromAsync(userId, from, ct).ConfigureAwait(false)).Select(BreakStore.View).ToArray());
    }

    private static async Task<Results<Created<BreakView>, ValidationProblem>> Add(BreakBody body, HttpContext http, BreakStore store, CancellationToken ct) =>
        await store.AddAsync(http.User.Id(), body, ct).ConfigureAwait(false) switch
        {
            Outcome<Break>.Ok ok => TypedResults.Created($"/api/v1/breaks/{ok.Value.Id}", BreakStore.View(ok.Value)),
            Outcome<Break>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(long id, HttpContext http, BreakStore store, CancellationToken ct) =>
        await store.RemoveAsync(http.User.Id(), id, ct).ConfigureAwait(false) ? TypedResults.NoContent() : ApiResults.NotFound("Break");
}
