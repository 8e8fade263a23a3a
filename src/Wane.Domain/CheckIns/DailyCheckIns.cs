using System.Globalization;

namespace Wane.Domain.CheckIns;

/// <summary>Validation of the daily check-in.</summary>
public static class DailyCheckIns
{
    /// <summary>Longest note, in characters.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>
    /// Checks a draft; returns the check-in or every problem found. Pain 0–10, sleep 1–5, mood 1–5
    /// and craving 0–10 (fields "answers.pain", "answers.sleep", "answers.mood",
    /// "answers.craving") are required unless a known red flag is reported: then each is
    /// optional, so a red flag alone is saved and its resource shown at once (a value that is
    /// given must still be in range). The note is optional, trimmed, at most
    /// <see cref="MaxNoteLength"/> characters ("note"); red flags must be known wire names ("redFlags").
    /// </summary>
    public static (DailyCheckIn? CheckIn, IReadOnlyList<FieldError> Errors) Validate(DailyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        var flagErrors = new List<FieldError>();
        var flags = ParseFlags(draft.RedFlags, flagErrors);
        var required = flags.Count == 0;
        var pain = Rating(draft.Pain, "pain", 0, 10, "0 (none) to 10 (worst imaginable)", required, errors);
        var sleep = Rating(draft.Sleep, "sleep", 1, 5, "1 (very poor) to 5 (very good)", required, errors);
        var mood = Rating(draft.Mood, "mood", 1, 5, "1 (very low) to 5 (very good)", required, errors);
        var craving = Rating(draft.Craving, "craving", 0, 10, "0 (none) to 10 (strongest)", required, errors);

        var note = FreeText.Normalize(draft.Note);
        if (note is not null && note.Length > MaxNoteLength)
        {
            errors.Add(new("note", Inv($"Too long: {note.Length} characters; at most {MaxNoteLength}.")));
        }
        else if (FreeText.HasControl(note))
        {
            errors.Add(new("note", FreeText.ControlMessage));
        }

        errors.AddRange(flagErrors);
        return errors.Count > 0
            ? (null, errors)
            : (new DailyCheckIn(pain, sleep, mood, craving, note, flags), errors);
    }

    /// <summary>
    /// The known red flags in a draft, distinct, in the order given; unknown names are skipped.
    /// Hosts use it to show a red flag's resource even when the rest of the form needs fixing.
    /// </summary>
    public static IReadOnlyList<RedFlag> KnownFlags(IEnumerable<string>? wireNames) => ParseFlags(wireNames, null);

    private static List<RedFlag> ParseFlags(IEnumerable<string>? wireNames, List<FieldError>? errors)
    {
        var flags = new List<RedFlag>();
        foreach (var text in wireNames ?? [])
        {
            if (WireName.TryParse<RedFlag>(text, out var flag))
            {
                if (!flags.Contains(flag.Value))
                {
                    flags.Add(flag.Value);
                }
            }
            else if (errors is not null)
            {
                var shown = string.IsNullOrWhiteSpace(text) ? "An empty red flag" : $"\"{(text.Length <= 30 ? text : text[..30] + "…")}\"";
                errors.Add(new("redFlags", $"{shown} is not known. Use any of: {string.Join(", ", WireName.All<RedFlag>())}."));
            }
        }
        return flags;
    }

    private static int? Rating(int? value, string name, int min, int max, string scale, bool required, List<FieldError> errors)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(new("answers." + name, $"Missing. Rate {scale}."));
            }
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
