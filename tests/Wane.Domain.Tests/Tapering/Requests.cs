using NodaTime;
using NodaTime.Text;
using Shouldly;
using Wane.Domain.Tapering;
using Wane.Domain.Units;

namespace Wane.Domain.Tests.Tapering;

/// <summary>Short ways to write taper requests in tests.</summary>
internal static class Requests
{
    public static readonly LocalDate Monday = new(2026, 1, 5);

    public static PhaseRequest Kratom(decimal start = 10m, Pace? pace = null, int interval = 7, int doses = 1, decimal resolution = 0.1m,
        bool splittable = false, LocalDate? startDate = null) =>
        new("kratom", start, PlanUnit.Grams, pace ?? Percent(5m), interval, doses, resolution, splittable, startDate ?? Monday);

    public static PhaseRequest Opioid(string? name = "oxycodone", decimal start = 100m, PlanUnit unit = PlanUnit.Mme, Pace? pace = null, int interval = 7,
        int doses = 1, decimal resolution = 1m, bool splittable = false, LocalDate? startDate = null, UseDuration duration = UseDuration.Unknown) =>
        new(name, start, unit, pace ?? new Pace(PaceKind.CdcShort), interval, doses, resolution, splittable, startDate ?? Monday, duration);

    public static Pace Linear(decimal amount) => new(PaceKind.Linear, Amount: amount);

    public static Pace Percent(decimal percent) => new(PaceKind.Percent, Percent: percent);

    public static Pace Steps(params decimal[] amounts) => new(PaceKind.Steps, Amounts: amounts);

    public static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    public static TaperPlan PlanOf(params PhaseRequest[] phases) => PlanOf(new TaperRequest(phases));

    public static TaperPlan PlanOf(TaperRequest request)
    {
        var (plan, errors) = TaperPlanner.Plan(request);
        errors.ShouldBeEmpty();
        return plan.ShouldNotBeNull();
    }

    public static IReadOnlyList<FieldError> ErrorsOf(TaperRequest request)
    {
        var (plan, errors) = TaperPlanner.Plan(request);
        plan.ShouldBeNull();
        errors.ShouldNotBeEmpty();
        return errors;
    }

    public static IReadOnlyList<FieldError> ErrorsOf(params PhaseRequest[] phases) => ErrorsOf(new TaperRequest(phases));

    /// <summary>Days in a step, both ends included.</summary>
    public static int Length(TaperStep step) => Period.DaysBetween(step.From, step.To) + 1;

    /// <summary>"2026-01-05..2026-01-11 100" per step, for compact table assertions.</summary>
    public static string[] Rows(PhasePlan phase) =>
        phase.Steps.Select(s => $"{LocalDatePattern.Iso.Format(s.From)}..{LocalDatePattern.Iso.Format(s.To)} {AmountText.Format(s.DailyTarget)}").ToArray();
}
