using System.Collections;

namespace Wane.Domain.Guardrails;

/// <summary>A read-only view of part of a sorted history, without copying it.</summary>
internal sealed class HistorySlice(IReadOnlyList<DoseFact> source, int start, int end) : IReadOnlyList<DoseFact>
{
    public DoseFact this[int index] =>
        index >= 0 && index < Count ? source[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => end - start;

    public IEnumerator<DoseFact> GetEnumerator()
    {
        for (var i = start; i < end; i++)
        {
            yield return source[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
