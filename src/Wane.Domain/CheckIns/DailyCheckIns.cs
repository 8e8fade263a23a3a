using System.Globalization;

namespace Wane.Domain.CheckIns;

/// <summary>Validation of the daily check-in.</summary>
public static class DailyCheckIns
{
    /// <summary>Longest note, in characters.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>
    /// Checks a draft; returns the check-in or every problem found. Pain 0–10, sleep 1–5, mood 1–5
    /// and craving 0–10 are required (fields "answers.pain", "answers.sleep", "answers.mood",
    /// "answers.craving"); the note is optional, trimmed, at most <see cref="MaxNoteLength"/>
    /// characters ("note"); red flags must be known wire names ("redFlags").
    /// </summary>
    public static (DailyCheckIn? CheckIn, IReadOnlyList<FieldError> Errors) Validate(DailyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        var pain = Rating(draft.Pain, "pain", 0, 10, "0 (none) to 10 (worst imaginable)", errors);
        var sleep = Rating(draft.Sleep, "sleep", 1, 5, "1 (very poor) to 5 (very good)", errors);
        var mood = Rating(draft.Mood, "mood", 1, 5, "1 (very low) to 5 (very good)", errors);
        var craving = Rating(draft.Craving, "craving", 0, 10, "0 (none) to 10 (strongest)", errors);

        var note = string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim();
        if (note is not null && note.Length > MaxNoteLength)
        {
            errors.Add(new("note", Inv($"Too long: {note.Length} characters; at most {MaxNoteLength}.")));
        }

        var flags = new List<RedFlag>();
        foreach (var text in draft.RedFlags ?? [])
        {
            if (WireName.TryParse<RedFlag>(text, out var flag))
            {
                if (!flags.Contains(flag.Value))
                {
                    flags.Add(flag.Value);
                }
            }
            else
            {
                var shown = string.IsNullOrWhiteSpace(text) ? "An empty red flag" : $"\"{(text.Length <= 30 ? text : text[..30] + "…")}\"";
                errors.Add(new("redFlags", $"{shown} is not known. Use any of: {string.Join(", ", WireName.All<RedFlag>())}."));
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new DailyCheckIn(pain!.Value, sleep!.Value, mood!.Value, craving!.Value, note, flags), errors);
    }

    private static int? Rating(int? value, string name, int min, int max, string scale, List<FieldError> errors)
    {
        if (value is null)
        {
            errors.Add(new("answers." + name, $"Missing. Rate {scale}."));
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add(new("answers." + name, Inv($"{value} is out of range. Rate {scale}.")));
            return null;
        }
        return value;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
