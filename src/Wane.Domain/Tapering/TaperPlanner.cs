using System.Globalization;
using NodaTime;
using Wane.Domain.Time;

namespace Wane.Domain.Tapering;

/// <summary>
/// Turns a taper request into a deterministic schedule, or says every problem with it at once.
/// The planner never suggests a start amount and never converts between substances: every amount
/// comes from the person or their clinician.
/// </summary>
/// <remarks>
/// Each phase is laid out from its own start date: step n begins n × intervalDays after it, at the
/// pace's amount D_n rounded to the nearest measurable amount (midpoint away from zero). Steps that
/// round to the same amount are merged. When the next amount would round to less than one measurable
/// unit, the next step is zero: the final step from the smallest practical amount to zero. A phase's
/// <see cref="PhasePlan.End"/> is the first day at zero. Holds then pause the whole plan (see
/// <see cref="Hold"/>).
/// </remarks>
public static partial class TaperPlanner
{
    /// <summary>The longest plan Wane lays out, from the earliest phase start to the latest end, holds included.</summary>
    public static readonly Period MaxLength = Period.FromYears(3);

    /// <summary>Plans a taper. Returns a plan and no errors, or no plan and every problem found.</summary>
    public static (TaperPlan? Plan, IReadOnlyList<FieldError> Errors) Plan(TaperRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        var phases = request.Phases;
        if (phases is null || phases.Count == 0)
        {
            errors.Add(new("phases", "Add at least one phase: a substance, your start amount and a pace."));
            return (null, errors);
        }

        var valid = new List<ValidPhase>();
        for (var i = 0; i < phases.Count; i++)
        {
            var prefix = Prefix(i, phases.Count);
            if (phases[i] is not { } phase)
            {
                errors.Add(new(phases.Count == 1 ? "phases" : prefix.TrimEnd('.'), "This phase is empty."));
            }
            else if (Validate(phase, i, prefix, errors) is { } ok)
            {
                valid.Add(ok);
            }
        }
        var holds = ValidHolds(request.Holds, errors);
        if (valid.Count < phases.Count)
        {
            return (null, errors);
        }

        var start = valid.Min(p => p.Request.StartDate);
        var limit = start.Plus(MaxLength);
        var built = valid.Select(p => (Phase: p, Schedule: PhaseSchedule.Build(p, limit))).ToArray();
        errors.AddRange(built.Where(b => b.Schedule.TooLong).Select(b => TooLong(b.Phase, phases.Count, limit)));
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var schedules = built.Select(b => b.Schedule.Steps.ToList()).ToList();
        var applied = ApplyHolds(holds, schedules, start, limit, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var plans = valid.Select((p, i) => new PhasePlan(p.Index, p.Substance, p.Request.Unit, schedules[i], schedules[i][^1].From)).ToArray();
        var end = plans.Max(p => p.End);
        var advisories = TaperAdvice.For(built, end);
        return (new TaperPlan(plans, start, end, advisories) { Holds = applied }, []);
    }

    /// <summary>"phases[i]." when the plan has several phases; nothing for a single phase.</summary>
    private static string Prefix(int index, int count) =>
        count == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"phases[{index}].");

    private static FieldError TooLong(ValidPhase phase, int phaseCount, LocalDate limit)
    {
        var prefix = Prefix(phase.Index, phaseCount);
        var own = phase.Request.StartDate.Plus(MaxLength);
        return own > limit && !PhaseSchedule.Build(phase, own).TooLong
            ? new(prefix + "startDate", $"This phase would end after {TimeText.Format(limit)}, more than 3 years after the plan starts. Plan it later, as a plan of its own.")
            : new(prefix + "pace", "At this pace the taper would last longer than 3 years, the longest plan Wane lays out. A slow pace is fine: plan the first part now as a list of steps (pace \"steps\") and make a new plan from where you are then.");
    }
}
