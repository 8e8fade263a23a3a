using System.Globalization;

namespace Wane.Domain.CheckIns;

/// <summary>Totals and bands a completed withdrawal scale.</summary>
public static class Scoring
{
    /// <summary>
    /// Scores one answer per item, in item order; returns the score or every problem found.
    /// Every item must be answered with a score the item allows (COWS items have gaps: pulse has
    /// no 3). A wrong number of answers is reported on "answers"; a bad score on "answers[i]"
    /// (zero-based), naming the item and the scores it allows.
    /// </summary>
    public static (Score? Score, IReadOnlyList<FieldError> Errors) Score(Instrument instrument, IReadOnlyList<int>? answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var items = instrument.Items;
        var errors = new List<FieldError>();
        if (answers is null || answers.Count == 0)
        {
            errors.Add(new("answers", Inv($"Missing. {instrument.Abbreviation} has {items.Count} items; answer all of them, in order.")));
            return (null, errors);
        }
        if (answers.Count < items.Count)
        {
            var missing = items.Skip(answers.Count).Select(Label);
            errors.Add(new("answers", Inv($"{instrument.Abbreviation} has {items.Count} items and all must be answered; {answers.Count} answers were given. Not answered: {string.Join("; ", missing)}.")));
        }
        else if (answers.Count > items.Count)
        {
            errors.Add(new("answers", Inv($"{instrument.Abbreviation} has {items.Count} items; {answers.Count} answers were given. Answers {items.Count + 1}–{answers.Count} match no item.")));
        }

        var total = 0;
        for (var i = 0; i < Math.Min(answers.Count, items.Count); i++)
        {
            var item = items[i];
            if (item.Allows(answers[i]))
            {
                total += answers[i];
            }
            else
            {
                errors.Add(new(Inv($"answers[{i}]"), Inv($"{Label(item)} allows {Allowed(item)}.")));
            }
        }
        return errors.Count > 0
            ? (null, errors)
            : (new Score(total, instrument.MaxTotal, instrument.BandFor(total)), errors);
    }

    private static string Label(InstrumentItem item) => Inv($"Item {item.Number} ({item.Text})");

    private static string Allowed(InstrumentItem item)
    {
        var values = item.Scores.Select(s => s.Value.ToString(CultureInfo.InvariantCulture)).ToArray();
        return values.Length == 1 ? values[0] : string.Join(", ", values[..^1]) + " or " + values[^1];
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
