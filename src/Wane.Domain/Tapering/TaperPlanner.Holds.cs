using System.Globalization;
using NodaTime;
using Wane.Domain.Time;

namespace Wane.Domain.Tapering;

/// <summary>Holds: pauses that lengthen the step in effect and move every later step.</summary>
public static partial class TaperPlanner
{
    /// <summary>Overlapping or adjacent holds, joined; <paramref name="Members"/> are the holds as requested, with their indices.</summary>
    private sealed record HoldGroup(LocalDate From, LocalDate To, List<(int Index, Hold Hold)> Members);

    private static string HoldField(int index, string name) => string.Create(CultureInfo.InvariantCulture, $"holds[{index}].{name}");

    /// <summary>Checks each hold on its own and joins those that overlap or touch (a day paused twice is paused once).</summary>
    private static List<HoldGroup> ValidHolds(IReadOnlyList<Hold>? holds, List<FieldError> errors)
    {
        var groups = new List<HoldGroup>();
        if (holds is null)
        {
            return groups;
        }
        var ok = new List<(Hold Hold, int Index)>();
        for (var i = 0; i < holds.Count; i++)
        {
            if (holds[i] is not { } h)
            {
                errors.Add(new(string.Create(CultureInfo.InvariantCulture, $"holds[{i}]"), "This hold is empty."));
            }
            else if (h.To < h.From)
            {
                errors.Add(new(HoldField(i, "to"), $"The hold ends ({TimeText.Format(h.To)}) before it starts ({TimeText.Format(h.From)})."));
            }
            else
            {
                ok.Add((h, i));
            }
        }
        foreach (var (h, i) in ok.OrderBy(x => x.Hold.From))
        {
            // "From − 1 ≤ To" rather than "From ≤ To + 1": a hold may run to the last date NodaTime has.
            if (groups.Count > 0 && (h.From <= groups[^1].To || h.From.PlusDays(-1) == groups[^1].To))
            {
                var g = groups[^1];
                groups[^1] = g with { To = h.To > g.To ? h.To : g.To };
                g.Members.Add((i, h));
            }
            else
            {
                groups.Add(new HoldGroup(h.From, h.To, [(i, h)]));
            }
        }
        return groups;
    }

    /// <summary>
    /// Applies the holds in date order. A hold's dates are calendar dates as the person sees the plan,
    /// so each is placed on the schedule already moved by the holds before it. Linear in steps and holds:
    /// each step is moved once, by the days of all the holds before it.
    /// </summary>
    private static List<Hold> ApplyHolds(List<HoldGroup> groups, List<List<TaperStep>> schedules, LocalDate start, LocalDate limit, List<FieldError> errors)
    {
        var applied = new List<Hold>();
        var moving = schedules.Select(s => new Moving(s)).ToArray();
        foreach (var g in groups)
        {
            var end = moving.Max(m => m.LastFrom);
            if (g.From < start)
            {
                errors.AddRange(g.Members.Where(m => m.Hold.From < start).Select(m => new FieldError(HoldField(m.Index, "from"), $"The plan starts on {TimeText.Format(start)}; a hold can't start before it.")));
                continue;
            }
            if (g.From >= end)
            {
                errors.AddRange(g.Members.Select(m => new FieldError(HoldField(m.Index, "from"), $"The plan is at zero from {TimeText.Format(end)}; a hold must start before that.")));
                continue;
            }
            var hold = new Hold(g.From, g.To);
            if (Period.Between(end, limit, PeriodUnits.Days).Days < hold.Days)
            {
                errors.AddRange(g.Members.Where(m => m.Hold.To == g.To).Select(m => new FieldError(HoldField(m.Index, "to"), $"With this hold the plan would end after {TimeText.Format(limit)}, more than 3 years after it starts. Make the hold shorter, or plan the rest later.")));
                break;
            }
            foreach (var m in moving)
            {
                m.Shift(hold);
            }
            applied.Add(hold);
        }
        foreach (var m in moving)
        {
            m.Finish();
        }
        return applied;
    }

    /// <summary>
    /// One phase's steps as the holds move them, in date order: the steps before the next one to move are in place
    /// (the one in effect on a hold's first day may still lengthen); the rest are still to move later by the days
    /// held so far. Holds come in increasing order, so each step is passed, and moved, once.
    /// </summary>
    private sealed class Moving(List<TaperStep> steps)
    {
        private int _next;
        private int _offset;

        /// <summary>The first day at zero, as moved so far.</summary>
        public LocalDate LastFrom => _next < steps.Count ? steps[^1].From.PlusDays(_offset) : steps[^1].From;

        /// <summary>Lengthens the step in effect on the hold's first day and moves every later step by the hold's days.</summary>
        public void Shift(Hold hold)
        {
            if (hold.From >= LastFrom)
            {
                return; // this phase is already at zero
            }
            while (_next < steps.Count && steps[_next].From.PlusDays(_offset) <= hold.From)
            {
                Place(_next++);
            }
            if (_next > 0 && steps[_next - 1] is var s && s.Contains(hold.From))
            {
                steps[_next - 1] = s with { To = s.To.PlusDays(hold.Days) };
            }
            _offset += hold.Days;
        }

        /// <summary>Moves the steps not passed by any hold.</summary>
        public void Finish()
        {
            while (_next < steps.Count)
            {
                Place(_next++);
            }
        }

        private void Place(int i)
        {
            if (_offset != 0)
            {
                steps[i] = steps[i] with { From = steps[i].From.PlusDays(_offset), To = steps[i].To.PlusDays(_offset) };
            }
        }
    }
}
