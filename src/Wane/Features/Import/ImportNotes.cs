using System.Globalization;

namespace Wane.Features.Import;

/// <summary>The notes of a report, with a word when the list of skipped records was cut short.</summary>
internal static class ImportNotes
{
    public static IReadOnlyList<string> With(List<string> notes, ImportBatch batch)
    {
        if (batch.SkipsLeftOff > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The first {ImportBatch.SkipsListed} skipped records are listed; {batch.SkipsLeftOff} more were skipped too (the counts have them all)."));
        }
        return notes;
    }
}
