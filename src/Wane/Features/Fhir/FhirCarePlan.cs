using Hl7.Fhir.Model;
using Wane.Domain.Tapering;
using Wane.Domain.Units;

namespace Wane.Features.Fhir;

/// <summary>
/// The active taper plan as a CarePlan: one activity per step with its dates and daily target, the holds, and
/// the plan's own warnings (the lost-tolerance moment at its end). The amounts are the person's own plan.
/// </summary>
internal static class FhirCarePlan
{
    public static CarePlan Of(TaperRequest request, TaperPlan plan, string patient, FhirInput input)
    {
        var today = input.Days.DayOf(input.Now);
        var care = new CarePlan
        {
            Status = plan.End <= today ? RequestStatus.Completed : RequestStatus.Active,
            Intent = CarePlan.CarePlanIntent.Plan,
            Title = "Taper plan: " + string.Join(", then ", plan.Phases.Select(p => p.Substance)),
            Description = "A gradual taper planned by the person in Wane (start amounts are theirs or their clinician's; Wane never suggests a dose). "
                + string.Join(" ", request.Phases.Select((p, i) => $"Phase {i + 1}: {p.Substance}, from {AmountText.Format(p.StartAmount)} {p.Unit.Name()} a day, {p.Pace.Kind} pace.")),
            Subject = new ResourceReference(patient),
            Period = new Period(FhirBundle.Date(plan.Start), FhirBundle.Date(plan.End.PlusDays(-1))),
            Created = FhirBundle.Time(input, input.Now).Value,
        };
        foreach (var phase in plan.Phases)
        {
            foreach (var step in phase.Steps)
            {
                care.Activity.Add(new CarePlan.ActivityComponent
                {
                    Detail = new CarePlan.DetailComponent
                    {
                        Status = step.To < today ? CarePlan.CarePlanActivityStatus.Completed
                            : step.From <= today ? (plan.IsHeld(today) ? CarePlan.CarePlanActivityStatus.OnHold : CarePlan.CarePlanActivityStatus.InProgress)
                            : CarePlan.CarePlanActivityStatus.Scheduled,
                        Description = $"{phase.Substance}: {AmountText.Format(step.DailyTarget)} {phase.Unit.Name()} a day from {Domain.Time.TimeText.Format(step.From)} to {Domain.Time.TimeText.Format(step.To)}",
                        Scheduled = new Period(FhirBundle.Date(step.From), FhirBundle.Date(step.To)),
                        DailyAmount = new Quantity
                        {
                            Value = step.DailyTarget,
                            Unit = phase.Unit.Name(),
                            System = FhirCodes.Ucum,
                            Code = phase.Unit switch { PlanUnit.Grams => "g", PlanUnit.Milligrams => "mg", _ => "{MME}" },
                        },
                    },
                });
            }
        }
        foreach (var hold in plan.Holds)
        {
            care.Note.Add(new Annotation { Text = $"Held from {Domain.Time.TimeText.Format(hold.From)} to {Domain.Time.TimeText.Format(hold.To)} (later steps moved by {hold.Days} days)." });
        }
        foreach (var advisory in plan.Advisories)
        {
            care.Note.Add(new Annotation { Text = $"{advisory.Title}: {advisory.Message} Source: {advisory.Source.Citation}." });
        }
        return care;
    }
}
