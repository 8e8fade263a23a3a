using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.CheckIns;

/// <summary>
/// Scores a SOWS or COWS, or records a daily check-in (API, pages, CLI); a red flag always returns its resource.
/// After a SOWS the answer says whether the active plan now waits because of it (Tapering's rule).
/// </summary>
internal sealed partial class AddCheckIn(WaneDb db, Profile profile, IPlanHolds plans, IClock clock)
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
            UserId = userId, Instrument = instrument.Kind, TakenAt = takenAt,
            AnswersJson = JsonSerializer.Serialize(scores), Score = score.Total, Band = score.Band?.Name, CreatedAt = clock.GetCurrentInstant(),
            EnteredByShareId = enteredBy,
        };
        return await SaveAsync(userId, row, ct).ConfigureAwait(false);
    }

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
            UserId = userId, Instrument = InstrumentKind.Daily, TakenAt = takenAt,
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
        var (readingId, reason) = row.Instrument == InstrumentKind.Sows ? await plans.AutomaticHoldAsync(userId, ct).ConfigureAwait(false) : (null, null);
        return CheckInViews.View(row, days) with { PlanHeld = readingId is not null, HoldReason = reason };
    }

    public static RouteGroupBuilder MapAddCheckInEndpoint(RouteGroupBuilder checkins)
    {
        checkins.MapPost("/", Handle).WithName("AddCheckIn")
            .WithSummary("Score a SOWS (16 items, 0–4 each) or COWS (11 items), or record a daily check-in; red flags return their resources");
        return checkins;
    }

    private static async Task<Results<Created<CheckInView>, ValidationProblem>> Handle(CheckInBody body, HttpContext http, AddCheckIn store, CancellationToken ct) =>
        await store.AddAsync(http.User.Id(), body, ct).ConfigureAwait(false) switch
        {
            Outcome<CheckInView>.Ok ok => TypedResults.Created($"/api/v1/checkins?from={ok.Value.LocalDate}&to={ok.Value.LocalDate}", ok.Value),
            Outcome<CheckInView>.Invalid bad => Invalid(bad.Errors, CheckInViews.Resources(FlagsIn(body))),
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
}
