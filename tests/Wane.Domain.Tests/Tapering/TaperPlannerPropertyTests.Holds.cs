using CsCheck;
using NodaTime;
using Shouldly;
using Wane.Domain.Tapering;

namespace Wane.Domain.Tests.Tapering;

public partial class TaperPlannerPropertyTests
{
    /// <summary>
    /// The first definition of holds: join them, then for each in date order check it against the schedule as moved so
    /// far and move every phase's steps one by one (the step in effect lengthens, every later step moves). Null when
    /// the planner must refuse the holds.
    /// </summary>
    private static (List<List<TaperStep>> Steps, List<Hold> Applied)? HoldByHold(TaperPlan unheld, IReadOnlyList<Hold> holds)
    {
        var schedules = unheld.Phases.Select(p => p.Steps.ToList()).ToList();
        var groups = new List<Hold>();
        foreach (var h in holds.OrderBy(h => h.From))
        {
            if (groups.Count > 0 && h.From.PlusDays(-1) <= groups[^1].To)
            {
                groups[^1] = groups[^1] with { To = h.To > groups[^1].To ? h.To : groups[^1].To };
            }
            else
            {
                groups.Add(h);
            }
        }
        var limit = unheld.Start.Plus(TaperPlanner.MaxLength);
        var refused = false;
        var applied = new List<Hold>();
        foreach (var g in groups)
        {
            var end = schedules.Max(s => s[^1].From);
            if (g.From < unheld.Start || g.From >= end)
            {
                refused = true;
                continue;
            }
            if (Period.Between(end, limit, PeriodUnits.Days).Days < g.Days)
            {
                refused = true;
                break;
            }
            foreach (var steps in schedules.Where(s => g.From < s[^1].From))
            {
                for (var i = 0; i < steps.Count; i++)
                {
                    var s = steps[i];
                    steps[i] = s.From > g.From ? s with { From = s.From.PlusDays(g.Days), To = s.To.PlusDays(g.Days) }
                        : s.Contains(g.From) ? s with { To = s.To.PlusDays(g.Days) }
                        : s;
                }
            }
            applied.Add(g);
        }
        return refused ? null : (schedules, applied);
    }

    [Fact]
    public void Plan_AnyHolds_SameAsMovingEveryStepHoldByHold() =>
        // Up to 30 holds, in any order, overlapping or touching, some before the start or after the end.
        Gen.Select(AnyPhases, Gen.Int[1, 40].Array[0, 30], Gen.Int[-20, 60].Array[31]).Sample((phases, lengths, gaps) =>
        {
            if (PlanOrTooLong(new TaperRequest(phases)) is not { } unheld)
            {
                return;
            }
            var holds = new List<Hold>();
            var next = unheld.Start.PlusDays(gaps[0] / 4);
            for (var i = 0; i < lengths.Length; i++)
            {
                holds.Add(new Hold(next, next.PlusDays(lengths[i] - 1)));
                next = next.PlusDays(gaps[i + 1]);
            }

            var (plan, _) = TaperPlanner.Plan(new TaperRequest(phases, holds));

            if (HoldByHold(unheld, holds) is not { } expected)
            {
                plan.ShouldBeNull();
                return;
            }
            plan.ShouldNotBeNull();
            plan.Holds.ShouldBe(expected.Applied);
            for (var i = 0; i < plan.Phases.Count; i++)
            {
                plan.Phases[i].Steps.ShouldBe(expected.Steps[i]);
            }
        }, iter: Iterations);
}
