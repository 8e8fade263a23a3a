using System.Text.Json;
using NodaTime;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Features.Common;

namespace Wane.Features.CheckIns;

/// <summary>Reading the answers of a check-in body: item scores for SOWS/COWS, an object for the daily check-in.</summary>
internal sealed partial class AddCheckIn
{
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
}
