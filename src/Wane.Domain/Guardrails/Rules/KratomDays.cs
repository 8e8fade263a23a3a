using NodaTime;
using Wane.Domain.Journal;
using Wane.Domain.Time;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>Which local days had kratom (R3 and the Today view).</summary>
internal static class KratomDays
{
    /// <summary>The local days from <paramref name="first"/> to <paramref name="last"/> (inclusive) with at least one kratom dose.</summary>
    public static HashSet<LocalDate> In(LocalDays days, IReadOnlyList<DoseFact> history, LocalDate first, LocalDate last)
    {
        var set = new HashSet<LocalDate>();
        var start = days.StartOf(first);
        for (var i = history.Count - 1; i >= 0 && history[i].TakenAt >= start; i--)
        {
            if (history[i].Kind == ProductKind.Kratom)
            {
                var day = days.DayOf(history[i].TakenAt);
                if (day >= first && day <= last)
                {
                    set.Add(day);
                }
            }
        }
        return set;
    }

    /// <summary>The next scheduled break starting after <paramref name="day"/>, if any.</summary>
    public static BreakPeriod? NextBreakAfter(IReadOnlyList<BreakPeriod> breaks, LocalDate day)
    {
        BreakPeriod? next = null;
        foreach (var b in breaks)
        {
            if (b.From > day && (next is null || b.From < next.From))
            {
                next = b;
            }
        }
        return next;
    }
}
