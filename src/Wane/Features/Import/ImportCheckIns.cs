using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Domain.Time;
using Wane.Features.CheckIns;
using Wane.Features.Export;

namespace Wane.Features.Import;

/// <summary>
/// The check-ins of an import, scored again from their answers (SOWS, COWS) or checked as a daily
/// check-in is, never taken on trust; one at the same time with the same instrument is skipped.
/// </summary>
internal static class ImportCheckIns
{
    public static async Task<ImportCount> PlanAsync(
        WaneDb db, string userId, IEnumerable<At<ExportCheckIn>> checkIns, Instant now, ImportBatch batch, List<ImportRejection> rejected, CancellationToken ct)
    {
        int add = 0, skip = 0, reject = 0;
        var existing = (await db.CheckIns.AsNoTracking().Where(c => c.UserId == userId).Select(c => new { c.Instrument, c.TakenAt }).ToListAsync(ct).ConfigureAwait(false))
            .Select(c => (c.Instrument, c.TakenAt)).ToHashSet();
        foreach (var (path, c) in checkIns)
        {
            if (TimeText.ParseInstant(c.TakenAt) is not { } takenAt)
            {
                rejected.Add(new($"{path}.takenAt", "Use an RFC 3339 instant, for example 2026-11-25T13:30:00Z."));
                reject++;
                continue;
            }
            var (row, errors) = c.Instrument == "daily" ? Daily(userId, c) : Scored(userId, c);
            if (row is null)
            {
                rejected.AddRange(errors.Select(e => new ImportRejection($"{path}.{e.Field}", e.Message)));
                reject++;
                continue;
            }
            if (!existing.Add((row.Instrument, takenAt)))
            {
                batch.Skip(path, $"A {row.Instrument} check-in at {c.TakenAt} is already there.");
                skip++;
                continue;
            }
            row.TakenAt = takenAt;
            row.HoldOverriddenAt = c.HoldOverriddenAt is null ? null : TimeText.ParseInstant(c.HoldOverriddenAt);
            row.CreatedAt = TimeText.ParseInstant(c.CreatedAt) ?? now;
            batch.CheckIns.Add(row);
            add++;
        }
        return new ImportCount("checkIns", add, skip, reject);
    }

    private static (CheckInRow?, IReadOnlyList<FieldError>) Scored(string userId, ExportCheckIn c)
    {
        if (Instruments.Find(c.Instrument) is not { } instrument)
        {
            return (null, [new("instrument", "The instrument is sows, cows or daily.")]);
        }
        if (c.Answers.ValueKind != JsonValueKind.Array || c.Answers.GetArrayLength() != instrument.Items.Count
            || c.Answers.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.Number || !a.TryGetInt32(out _)))
        {
            return (null, [new("answers", $"The answers are the {instrument.Items.Count} item scores in item order.")]);
        }
        var answers = c.Answers.EnumerateArray().Select(a => a.GetInt32()).ToList();
        var (score, errors) = Scoring.Score(instrument, answers);
        return score is null
            ? (null, errors)
            : (new CheckInRow
            {
                UserId = userId, Instrument = instrument.Kind,
                AnswersJson = JsonSerializer.Serialize(answers), Score = score.Total, Band = score.Band?.Name,
            }, []);
    }

    private static (CheckInRow?, IReadOnlyList<FieldError>) Daily(string userId, ExportCheckIn c)
    {
        if (c.Answers.ValueKind != JsonValueKind.Object)
        {
            return (null, [new("answers", "A daily check-in's answers are an object with pain, sleep, mood, craving and note.")]);
        }
        DailyView? view;
        try
        {
            view = c.Answers.Deserialize<DailyView>(JsonSerializerOptions.Web);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return (null, [new("answers", "A daily check-in's ratings are whole numbers and its note is text.")]);
        }
        var (daily, errors) = DailyCheckIns.Validate(new DailyDraft(view?.Pain, view?.Sleep, view?.Mood, view?.Craving, view?.Note, c.RedFlags));
        return daily is null
            ? (null, errors)
            : (new CheckInRow
            {
                UserId = userId, Instrument = InstrumentKind.Daily,
                AnswersJson = JsonSerializer.Serialize(new DailyView(daily.Pain, daily.Sleep, daily.Mood, daily.Craving, daily.Note), JsonSerializerOptions.Web),
                RedFlags = daily.RedFlags.Count == 0 ? null : string.Join(",", daily.RedFlags.Select(WireName.Of)),
            }, []);
    }
}
