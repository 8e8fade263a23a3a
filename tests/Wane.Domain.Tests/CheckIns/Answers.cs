using Wane.Domain.CheckIns;

namespace Wane.Domain.Tests.CheckIns;

/// <summary>Builds valid answer sets for an instrument.</summary>
internal static class Answers
{
    /// <summary>A valid answer set whose total is exactly <paramref name="total"/> (depth-first over the allowed scores, highest first).</summary>
    public static int[] WithTotal(Instrument instrument, int total)
    {
        var answers = new int[instrument.Items.Count];
        return Fill(instrument.Items, 0, total, answers)
            ? answers
            : throw new InvalidOperationException($"No answer set totals {total}.");
    }

    public static int[] Max(Instrument instrument) => instrument.Items.Select(i => i.Max).ToArray();

    private static bool Fill(IReadOnlyList<InstrumentItem> items, int index, int remaining, int[] answers)
    {
        if (index == items.Count)
        {
            return remaining == 0;
        }
        foreach (var s in items[index].Scores.Reverse())
        {
            if (s.Value <= remaining)
            {
                answers[index] = s.Value;
                if (Fill(items, index + 1, remaining - s.Value, answers))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
