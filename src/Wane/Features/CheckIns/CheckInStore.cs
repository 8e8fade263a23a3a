using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Features.Tapering;

namespace Wane.Features.CheckIns;

/// <summary>Scoring and storing check-ins; a red flag always returns its resource.</summary>
internal sealed partial class CheckInStore(WaneDb db, Profile profile, PlanStore plans, IClock clock)
{
    // enteredBy: the share through which a viewer enters a COWS for the person (null when the person enters it).
    public async Task<Outcome<CheckInView>> AddAsync(string userId, CheckInBody body, CancellationToken ct, long? enteredBy = null)
    {
        var errors = new List<FieldError>();
        var now = clock.GetCurrentInstant();
        var takenAt = now;
        if (!string.IsNullOrWhiteSpace(body.TakenAt))
        {
            if (TimeText.ParseInstant(body.TakenAt) is { } t)
            {
                takenAt = t;
            }
            else
            {
                errors.Add(new("takenAt", $"Use an RFC 3339 time with an offset {TimeText.RangeText}, for example 2026-11-25T08:30:00-05:00."));
            }
        }
        if (takenAt > now + DoseRules.MaxFutureSkew)
        {
            errors.Add(new("takenAt", "That time is in the future."));
        }
        else if (takenAt < DoseRules.Earliest)
        {
            errors.Add(new("takenAt", "That time is too far in the past (before 2000)."));
        }
        var kind = body.Instrument?.Trim().ToLowerInvariant();
        return kind switch
        {
            "sows" or "cows" => await ScoreAsync(userId, Instruments.Find(kind)!, ReadScores(body.Answers, Instruments.Find(kind)!, errors), takenAt, errors, ct, enteredBy).ConfigureAwait(false),
            "daily" => await DailyAsync(userId, body.Answers, takenAt, errors, ct).ConfigureAwait(false),
            _ => Outcome<CheckInView>.Fail([.. errors, new FieldError("instrument", "Use \"sows\", \"cows\" or \"daily\".")]),
        };
    }

    /// <summary>The item scores of a JSON array; an unreadable item is named and kept as -1 so the count stays right.</summary>
    private static List<int>? ReadScores(JsonElement? answers, Instrument instrument, List<FieldError> errors)
    {
        List<int>? scores = null;
        if (answers is not { ValueKind: JsonValueKind.Array } array)
        {
            errors.Add(new("answers", $"Send the {instrument.Items.Count} item scores in item order, e.g. [0, 1, 2, …]."));
        }
        else
        {
            scores = [];
            var i = 0;
            foreach (var a in array.EnumerateArray())
            {
                if (a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out var v))
                {
                    scores.Add(v);
                }
                else
                {
                    errors.Add(new($"answers[{i}]", $"Item {i + 1} needs a whole-number score."));
                    scores.Add(-1);
                }
                i++;
            }
        }
        return scores;
    }

    private async Task<Outcome<CheckInView>> ScoreAsync(string userId, Instrument instrument, IReadOnlyList<int>? scores, Instant takenAt, List<FieldError> errors, CancellationToken ct, long? enteredBy = null)
    {
        var (score, scoreErrors) = errors.Count == 0 ? Scoring.Score(instrument, scores) : (null, []);
        errors.AddRange(scoreErrors);
        if (errors.Count > 0 || score is null)
        {
            return Outcome<CheckInView>.Fail(errors);
        }
        var row = new CheckInRow
        {
            UserId = userId, Instrument = instrument.Kind == InstrumentKind.Sows ? "sows" : "cows", TakenAt = takenAt,
            AnswersJson = JsonSerializer.Serialize(scores), Score = score.Total, Band = score.Band?.Name, CreatedAt = clock.GetCurrentInstant(),
            EnteredByShareId = enteredBy,
        };
        return await SaveAsync(userId, row, ct).ConfigureAwait(false);
    }

    private async Task<Outcome<CheckInView>> DailyAsync(string userId, JsonElement? answers, Instant takenAt, List<FieldError> errors, CancellationToken ct)
    {
        if (answers is not { ValueKind: JsonValueKind.Object } o)
        {
            return Outcome<CheckInView>.Fail([.. errors, new FieldError("answers", "Send { \"pain\", \"sleep\", \"mood\", \"craving\", \"note\", \"redFlags\" }.")]);
        }
        int? Int(string name)
        {
            if (!o.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var v))
            {
                return v;
            }
            errors.Add(new($"answers.{name}", "Use a whole number."));
            return null;
        }
        string? note = null;
        if (o.TryGetProperty("note", out var n) && n.ValueKind != JsonValueKind.Null)
        {
            note = JsonText.Read(n);
            if (note is null)
            {
                errors.Add(new("answers.note", JsonText.NotText));
            }
        }
        List<string>? flags = null;
        if (o.TryGetProperty("redFlags", out var rf) && rf.ValueKind == JsonValueKind.Array)
        {
            flags = rf.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? JsonText.Read(x) ?? "?" : x.ToString()).ToList();
        }
        else if (rf.ValueKind is not JsonValueKind.Undefined and not JsonValueKind.Null)
        {
            errors.Add(new("answers.redFlags", "Send the red flags as a list, e.g. [\"liver\"]."));
        }
        var draft = new DailyDraft(Int("pain"), Int("sleep"), Int("mood"), Int("craving"), note, flags);
        return await DailyAsync(userId, draft, takenAt, errors, ct).ConfigureAwait(false);
    }

    /// <summary>The red flags a daily check-in body names (as sent), or null.</summary>
    public static IReadOnlyList<string>? FlagsIn(CheckInBody body) =>
        string.Equals(body.Instrument?.Trim(), "daily", StringComparison.OrdinalIgnoreCase)
        && body.Answers is { ValueKind: JsonValueKind.Object } o
        && o.TryGetProperty("redFlags", out var rf) && rf.ValueKind == JsonValueKind.Array
            ? rf.EnumerateArray().Select(JsonText.Read).OfType<string>().ToArray()
            : null;

    public async Task<Outcome<CheckInView>> DailyAsync(string userId, DailyDraft draft, Instant takenAt, List<FieldError> errors, CancellationToken ct)
    {
        var (daily, dailyErrors) = DailyCheckIns.Validate(draft);
        errors.AddRange(dailyErrors);
        if (errors.Count > 0 || daily is null)
        {
            return Outcome<CheckInView>.Fail(errors);
        }
        var row = new CheckInRow
        {
            UserId = userId, Instrument = "daily", TakenAt = takenAt,
            AnswersJson = JsonSerializer.Serialize(new DailyView(daily.Pain, daily.Sleep, daily.Mood, daily.Craving, daily.Note), JsonSerializerOptions.Web),
            RedFlags = daily.RedFlags.Count == 0 ? null : string.Join(",", daily.RedFlags.Select(WireName.Of)),
            CreatedAt = clock.GetCurrentInstant(),
        };
        return await SaveAsync(userId, row, ct).ConfigureAwait(false);
    }

    public async Task<Outcome<CheckInView>> ScoreAsync(string userId, string instrument, IReadOnlyList<int> answers, Instant takenAt, CancellationToken ct) =>
        await ScoreAsync(userId, Instruments.Find(instrument)!, answers, takenAt, [], ct).ConfigureAwait(false);

    private async Task<Outcome<CheckInView>> SaveAsync(string userId, CheckInRow row, CancellationToken ct)
    {
        db.CheckIns.Add(row);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var (readingId, reason) = row.Instrument == "sows" ? await plans.AutomaticHoldAsync(userId, ct).ConfigureAwait(false) : (null, null);
        return View(row, days) with { PlanHeld = readingId is not null, HoldReason = reason };
    }

    public async Task<Outcome<CheckInListView>> ListAsync(string userId, string? fromText, string? toText, CancellationToken ct)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var today = days.DayOf(clock.GetCurrentInstant());
        var range = DateRange.Parse(fromText, toText, today, defaultDays: 30);
        if (range is Outcome<(LocalDate, LocalDate)>.Invalid bad)
        {
            return Outcome<CheckInListView>.Fail(bad.Errors);
        }
        var (from, to) = ((Outcome<(LocalDate From, LocalDate To)>.Ok)range).Value;
        var span = days.Span(from, to);
        var rows = await db.CheckIns.AsNoTracking().Where(c => c.UserId == userId && c.TakenAt >= span.Start && c.TakenAt < span.End)
            .OrderBy(c => c.TakenAt).ThenBy(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        var enteredBy = await Sharing.ViewShared.EnteredByAsync(db, rows.Select(r => r.EnteredByShareId), ct).ConfigureAwait(false);
        return new CheckInListView(TimeText.Format(from), TimeText.Format(to), rows.Select(r => View(r, days))
            .Select(v => v.EnteredByShareId is { } id ? v with { EnteredBy = enteredBy.GetValueOrDefault(id, Sharing.ViewShared.EnteredByGone) } : v).ToArray());
    }
}

internal static class CheckInEndpoints
{
    public static RouteGroupBuilder MapCheckInEndpoints(this RouteGroupBuilder api)
    {
        var checkins = api.MapGroup("/checkins").WithTags("Check-ins");
        checkins.MapPost("/", Add).WithName("AddCheckIn")
            .WithSummary("Score a SOWS (16 items, 0–4 each) or COWS (11 items), or record a daily check-in; red flags return their resources");
        checkins.MapGet("/", List).WithName("ListCheckIns").WithSummary("Check-ins between two local dates (default the last 30 days)");
        return api;
    }

    private static async Task<Results<Created<CheckInView>, ValidationProblem>> Add(CheckInBody body, HttpContext http, CheckInStore store, CancellationToken ct) =>
        await store.AddAsync(http.User.Id(), body, ct).ConfigureAwait(false) switch
        {
            Outcome<CheckInView>.Ok ok => TypedResults.Created($"/api/v1/checkins?from={ok.Value.LocalDate}&to={ok.Value.LocalDate}", ok.Value),
            Outcome<CheckInView>.Invalid bad => Invalid(bad.Errors, CheckInStore.Resources(CheckInStore.FlagsIn(body))),
            var other => throw new InvalidOperationException(other.ToString()),
        };

    /// <summary>A 400 that still carries a red flag's resources (extension "resources"): nothing is stored, but help never waits.</summary>
    private static ValidationProblem Invalid(IReadOnlyList<FieldError> errors, IReadOnlyList<ResourceView> resources)
    {
        var problem = ApiResults.Invalid(errors);
        if (resources.Count > 0)
        {
            problem.ProblemDetails.Extensions["resources"] = resources;
        }
        return problem;
    }

    private static async Task<Results<Ok<CheckInListView>, ValidationProblem>> List(string? from, string? to, HttpContext http, CheckInStore store, CancellationToken ct) =>
        await store.ListAsync(http.User.Id(), from, to, ct).ConfigureAwait(false) switch
        {
            Outcome<CheckInListView>.Ok ok => TypedResults.Ok(ok.Value),
            Outcome<CheckInListView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };
}
