using System.Collections.Concurrent;
using CsCheck;
using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Tapering;
using static Wane.Domain.Tests.Tapering.Requests;

namespace Wane.Domain.Tests.Tapering;

public partial class TaperPlannerPropertyTests
{
    private const int Iterations = 300;

    private static readonly decimal[] Resolutions = [0.001m, 0.01m, 0.05m, 0.1m, 0.25m, 0.5m, 1m, 2.5m, 5m, 10m];

    /// <summary>A valid phase (though some paces are too slow to fit in 3 years): every pace kind, unit and resolution.</summary>
    private static readonly Gen<PhaseRequest> AnyPhase =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, Resolutions.Length - 1], Gen.Bool, Gen.Int[1, 20_000], Gen.Int[1, 30], Gen.Int[1, 12],
            Gen.Int[1, 9_999], Gen.Int[0, 10_000].Array[1, 12], Gen.Int[0, 2], Gen.Int[0, 60], Gen.Int[0, 2],
            (kind, ri, split, hundredths, interval, doses, param, fractions, substance, offset, duration) =>
            {
                var resolution = Resolutions[ri];
                var start = Math.Max(hundredths / 100m, resolution);
                var pace = (PaceKind)kind switch
                {
                    PaceKind.Linear => Linear(Math.Max(0.0001m, Math.Round(start * param / 20_000m, 4))),
                    PaceKind.Percent => Percent(param / 100m),
                    PaceKind.CdcShort => new Pace(PaceKind.CdcShort),
                    _ => Steps([.. fractions.OrderDescending().Select(f => Math.Round(start * f / 10_000m, 4))]),
                };
                var date = Monday.PlusDays(offset);
                return substance == 0
                    ? Kratom(start, pace, interval, doses, resolution, split, date)
                    : Opioid(substance == 1 ? "oxycodone" : "methadone", start, substance == 1 ? PlanUnit.Mme : PlanUnit.Milligrams, pace, interval, doses, resolution, split, date, (UseDuration)duration);
            });

    private static readonly Gen<PhaseRequest[]> AnyPhases = AnyPhase.Array[1, 3];

    private static decimal Effective(PhaseRequest p) => p.Splittable ? p.Resolution / 2 : p.Resolution;

    /// <summary>The pace's unrounded amount in interval n, computed independently (in double) from the formulas in tapering.md.</summary>
    private static double Exact(PhaseRequest p, int n)
    {
        var d0 = (double)p.StartAmount;
        return p.Pace.Kind switch
        {
            PaceKind.Linear => Math.Max(0, d0 - (n * (double)p.Pace.Amount!.Value)),
            PaceKind.Percent => d0 * Math.Pow(1 - ((double)p.Pace.Percent!.Value / 100), n),
            PaceKind.CdcShort => n <= 7 ? d0 * (1 - (n / 10.0)) : 0.3 * d0 * Math.Pow(0.9, n - 7),
            _ => n == 0 ? d0 : n <= p.Pace.Amounts!.Count ? (double)p.Pace.Amounts[n - 1] : 0,
        };
    }

    /// <summary>Plans, or checks that the only refusal is the 3-year limit (some generated paces are that slow).</summary>
    private static TaperPlan? PlanOrTooLong(TaperRequest request)
    {
        var (plan, errors) = TaperPlanner.Plan(request);
        if (plan is null)
        {
            errors.ShouldNotBeEmpty();
            errors.ShouldAllBe(e => e.Field.EndsWith("pace", StringComparison.Ordinal) || e.Field.EndsWith("startDate", StringComparison.Ordinal) || e.Field.EndsWith(".to", StringComparison.Ordinal));
            errors.ShouldAllBe(e => e.Message.Contains("3 years", StringComparison.Ordinal));
        }
        return plan;
    }

    [Fact]
    public void Plan_AnyPhases_StepsAreContiguousStrictlyDecreasingAndEndAtZero() =>
        AnyPhases.Sample(phases =>
        {
            if (PlanOrTooLong(new TaperRequest(phases)) is not { } plan)
            {
                return;
            }
            plan.Phases.Count.ShouldBe(phases.Length);
            for (var i = 0; i < phases.Length; i++)
            {
                var request = phases[i];
                var steps = plan.Phases[i].Steps;
                plan.Phases[i].Index.ShouldBe(i);
                steps[0].From.ShouldBe(request.StartDate);
                steps[^1].DailyTarget.ShouldBe(0m);
                steps[^1].PerDoseTarget.ShouldBe(0m);
                Length(steps[^1]).ShouldBe(request.IntervalDays);
                plan.Phases[i].End.ShouldBe(steps[^1].From);
                for (var k = 0; k < steps.Count; k++)
                {
                    steps[k].To.ShouldBeGreaterThanOrEqualTo(steps[k].From);
                    (Period.DaysBetween(request.StartDate, steps[k].From) % request.IntervalDays).ShouldBe(0, "steps begin on interval boundaries");
                    if (k > 0)
                    {
                        steps[k].From.ShouldBe(steps[k - 1].To.PlusDays(1));
                        steps[k].DailyTarget.ShouldBeLessThan(steps[k - 1].DailyTarget, "non-increasing, and equal neighbours merged");
                    }
                    if (k < steps.Count - 1)
                    {
                        steps[k].DailyTarget.ShouldBeGreaterThan(0m);
                    }
                }
            }
            plan.Start.ShouldBe(phases.Min(p => p.StartDate));
            plan.End.ShouldBe(plan.Phases.Max(p => p.End));
            (plan.End <= plan.Start.Plus(TaperPlanner.MaxLength)).ShouldBeTrue();
        }, iter: Iterations);

    [Fact]
    public void Plan_AnyPhase_TargetsAreMultiplesOfTheMeasurableAmount() =>
        AnyPhase.Sample(phase =>
        {
            if (PlanOrTooLong(new TaperRequest([phase])) is not { } plan)
            {
                return;
            }
            var r = Effective(phase);
            foreach (var s in plan.Phases[0].Steps)
            {
                (s.DailyTarget % r).ShouldBe(0m);
                (s.PerDoseTarget % r).ShouldBe(0m);
                s.PerDoseTarget.ShouldBeLessThanOrEqualTo(s.DailyTarget);
                (s.PerDoseTarget > 0).ShouldBe(s.DailyTarget > 0, "a day with a target has at least one measurable dose");
            }
        }, iter: Iterations);

    [Fact]
    public void Plan_AnyPhase_EveryDayWithinHalfAUnitOfTheExactPace() =>
        AnyPhase.Sample(phase =>
        {
            if (PlanOrTooLong(new TaperRequest([phase])) is not { } plan)
            {
                return;
            }
            var half = (double)Effective(phase) / 2;
            var steps = plan.Phases[0].Steps;
            var k = 0;
            for (var date = phase.StartDate; date <= steps[^1].To.PlusDays(phase.IntervalDays * 3); date = date.PlusDays(1))
            {
                while (k < steps.Count - 1 && date > steps[k].To)
                {
                    k++;
                }
                var n = Period.DaysBetween(phase.StartDate, date) / phase.IntervalDays;
                var exact = Exact(phase, n);
                Math.Abs((double)steps[k].DailyTarget - exact).ShouldBeLessThanOrEqualTo(half + 1e-9, $"on {date}, interval {n}");
            }
        }, iter: Iterations);

    [Fact]
    public void Plan_OneHold_LengthensTheStepInEffectAndMovesEveryLaterStep() =>
        Gen.Select(AnyPhases, Gen.Double[0, 1], Gen.Int[1, 60]).Sample((phases, where, days) =>
        {
            if (PlanOrTooLong(new TaperRequest(phases)) is not { } before)
            {
                return;
            }
            var from = before.Start.PlusDays((int)(where * (Period.DaysBetween(before.Start, before.End) - 1)));
            var hold = new Hold(from, from.PlusDays(days - 1));
            if (PlanOrTooLong(new TaperRequest(phases, [hold])) is not { } after)
            {
                return;
            }
            for (var i = 0; i < phases.Length; i++)
            {
                var u = before.Phases[i].Steps;
                var h = after.Phases[i].Steps;
                h.Select(s => (s.DailyTarget, s.PerDoseTarget)).ShouldBe(u.Select(s => (s.DailyTarget, s.PerDoseTarget)));
                for (var k = 0; k < u.Count; k++)
                {
                    var expected = u[k].From > from && from < before.Phases[i].End
                        ? u[k] with { From = u[k].From.PlusDays(days), To = u[k].To.PlusDays(days) }
                        : u[k].Contains(from) && k < u.Count - 1
                            ? u[k] with { To = u[k].To.PlusDays(days) }
                            : u[k];
                    h[k].ShouldBe(expected);
                }
                after.Phases[i].End.ShouldBe(from < before.Phases[i].End ? before.Phases[i].End.PlusDays(days) : before.Phases[i].End);
            }
            after.Holds.ShouldBe([hold]);
        }, iter: Iterations);

    [Fact]
    public void Plan_SeveralSeparateHolds_EndMovesByTheirTotalDays() =>
        Gen.Select(AnyPhase, Gen.Int[1, 40].Array[1, 4], Gen.Int[0, 30].Array[4]).Sample((phase, lengths, gaps) =>
        {
            if (PlanOrTooLong(new TaperRequest([phase])) is not { } before)
            {
                return;
            }
            // Holds in date order with at least a day between them, each starting before the unheld end.
            var holds = new List<Hold>();
            var next = before.Start.PlusDays(gaps[0]);
            for (var i = 0; i < lengths.Length && next < before.End; i++)
            {
                holds.Add(new Hold(next, next.PlusDays(lengths[i] - 1)));
                next = next.PlusDays(lengths[i] + 1 + gaps[(i + 1) % gaps.Length]);
            }
            if (holds.Count == 0 || PlanOrTooLong(new TaperRequest([phase], holds)) is not { } after)
            {
                return;
            }
            after.End.ShouldBe(before.End.PlusDays(holds.Sum(h => h.Days)));
            after.Phases[0].Steps.Select(s => s.DailyTarget).ShouldBe(before.Phases[0].Steps.Select(s => s.DailyTarget));
            after.Holds.ShouldBe(holds);
        }, iter: Iterations);

    [Fact]
    public void Plan_AnyPhases_AdvisoriesFollowTheSubstancesAndEndWithOneLostToleranceWarning() =>
        AnyPhases.Sample(phases =>
        {
            if (PlanOrTooLong(new TaperRequest(phases)) is not { } plan)
            {
                return;
            }
            var kratom = phases.Count(p => p.Substance == "kratom");
            var a = plan.Advisories;
            a[^1].Rule.ShouldBe("T4");
            a.Count(x => x.Rule == "T4").ShouldBe(1);
            a[^1].Level.ShouldBe(kratom == phases.Length ? AdvisoryLevel.Caution : AdvisoryLevel.Danger);
            a.Count(x => x.Rule == "T3").ShouldBe(kratom);
            a.Count(x => x.Rule == "T2").ShouldBeLessThanOrEqualTo(kratom);
            a.Count(x => x.Rule == "T1").ShouldBeLessThanOrEqualTo(phases.Length - kratom);
            a.ShouldAllBe(x => !string.IsNullOrWhiteSpace(x.Source.Citation) && !string.IsNullOrWhiteSpace(x.Message) && !string.IsNullOrWhiteSpace(x.Why));
        }, iter: Iterations);

    [Fact]
    public void Plan_SameRequestTwice_SamePlan() =>
        AnyPhases.Sample(phases =>
        {
            var (a, _) = TaperPlanner.Plan(new TaperRequest(phases));
            var (b, _) = TaperPlanner.Plan(new TaperRequest(phases));
            (a?.Phases.SelectMany(p => p.Steps)).ShouldBe(b?.Phases.SelectMany(p => p.Steps));
            (a?.Advisories).ShouldBe(b?.Advisories);
        }, iter: 100);

    [Fact]
    public void AnyPhase_MostlyPlans_AndReachesEveryPaceAndAdvisory()
    {
        // Guards the generators: a property that no plan reaches proves nothing.
        var planned = new ConcurrentDictionary<string, int>();
        AnyPhase.Sample(phase =>
        {
            var (plan, _) = TaperPlanner.Plan(new TaperRequest([phase]));
            planned.AddOrUpdate(plan is null ? "refused" : phase.Pace.Kind.ToString(), 1, (_, n) => n + 1);
            foreach (var a in plan?.Advisories ?? [])
            {
                planned.AddOrUpdate(a.Rule, 1, (_, n) => n + 1);
            }
        }, iter: 1000, threads: 1);
        planned.Keys.ShouldBe(["Linear", "Percent", "CdcShort", "Steps", "T1", "T2", "T3", "T4", "refused"], ignoreOrder: true);
        planned["refused"].ShouldBeLessThan(400);
    }
}
