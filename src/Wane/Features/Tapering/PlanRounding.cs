using Wane.Domain.Tapering;
using Wane.Domain.Units;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

/// <summary>Marks the steps that rounding made longer and says why, in one sentence the page shows next to them.</summary>
internal static class PlanRounding
{
    public static PhaseView Explain(PhaseView view, PhasePlan phase, PhaseRequest request, IReadOnlyList<Hold> holds)
    {
        // A list of the person's own amounts says itself how long each lasts; only computed paces are rounded into longer steps.
        if (request.Pace.Kind == PaceKind.Steps)
        {
            return view;
        }
        var longer = RoundingStretch.LongerSteps(phase, holds, request.IntervalDays);
        if (longer.Count == 0)
        {
            return view;
        }
        var steps = view.Steps.Select((s, i) => longer.Contains(i) ? s with { LongerByRounding = true } : s).ToArray();
        var measure = $"{Fmt.Num(request.Splittable ? request.Resolution / 2 : request.Resolution)} {request.Unit.Name()}";
        var cut = request.Pace.Kind switch
        {
            PaceKind.Percent when request.Pace.Percent is { } p => $"a {Fmt.Num(p)}% cut",
            PaceKind.Linear when request.Pace.Amount is { } a => $"a cut of {Fmt.Num(a)} {request.Unit.Name()}",
            _ => "each cut",
        };
        var note = $"Some steps last longer than {request.IntervalDays} days because every amount is rounded to what you can measure ({measure}): "
            + $"{(request.Pace.Kind == PaceKind.Linear ? "" : "near the end ")}{cut} is less than {measure}, so the amount stays the same until the cuts add up to {measure}. "
            + "A finer measure (a scale that weighs smaller amounts) gives shorter steps.";
        return view with { Steps = steps, RoundingNote = note };
    }
}
