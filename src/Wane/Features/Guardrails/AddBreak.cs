using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
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

/// <summary>Schedules a break from kratom: local dates, both inclusive, at most 90 days. A dose on a break day raises a caution; it is still recorded.</summary>
internal sealed class AddBreak(WaneDb db, Profile profile, IClock clock)
{
    public const int MaxDays = 90;
    public const int MaxNoteLength = 200;

    public async Task<Outcome<Break>> AddAsync(string userId, BreakBody body, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var from = TimeText.ParseDate(body.From);
        var to = TimeText.ParseDate(body.To);
        if (from is null)
        {
            errors.Add(new("from", $"Use a date like 2026-12-01 (YYYY-MM-DD), {TimeText.RangeText}."));
        }
        if (to is null)
        {
            errors.Add(new("to", $"Use a date like 2026-12-03 (YYYY-MM-DD), {TimeText.RangeText}."));
        }
        var note = FreeText.Normalize(body.Note);
        if (note?.Length > MaxNoteLength)
        {
            errors.Add(new("note", $"Keep the note to {MaxNoteLength} characters or fewer."));
        }
        else if (FreeText.HasControl(note))
        {
            errors.Add(new("note", FreeText.ControlMessage));
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

    public static RouteGroupBuilder MapAddBreakEndpoint(RouteGroupBuilder breaks)
    {
        breaks.MapPost("/", Handle).WithName("AddBreak").WithSummary("Schedule a break from kratom: { \"from\": \"2026-12-01\", \"to\": \"2026-12-03\" }");
        return breaks;
    }

    private static async Task<Results<Created<BreakView>, ValidationProblem>> Handle(BreakBody body, HttpContext http, AddBreak store, CancellationToken ct) =>
        await store.AddAsync(http.User.Id(), body, ct).ConfigureAwait(false) switch
        {
            Outcome<Break>.Ok ok => TypedResults.Created($"/api/v1/breaks/{ok.Value.Id}", BreakQueries.View(ok.Value)),
            Outcome<Break>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };
}
