using NodaTime;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>R3 — Take regular breaks.</summary>
internal sealed class R3TakeBreaks : IGuardrailRule
{
    /// <summary>Days to look back for a kratom-free day.</summary>
    internal static readonly ParameterDefinition Days = new("days", "d", 30m, 7m, 90m, "Days to look back for a kratom-free day");

    public RuleDefinition Definition { get; } = new(
        "R3",
        "Take regular breaks",
        "No kratom-free local day in the last N days (caution; info with an active taper plan); a dose on a scheduled break day (caution)",
        "Breaks let tolerance fall. With an active taper plan a sudden break is a withdrawal; the plan is the safer path.",
        RuleSources.Tolerance,
        [Days]);

    public Duration LookBack(RuleSetting setting) => Spans.Days(setting[Days] + 1);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        if (candidate.Kind != ProductKind.Kratom)
        {
            yield break;
        }
        var days = Spans.Whole(setting[Days]);
        var day = context.Days.DayOf(candidate.TakenAt);
        var first = day.PlusDays(-(days - 1));
        // A scheduled break day counts as kratom-free only if no kratom was taken on it, which is
        // what counting the days with kratom already says.
        var withKratom = KratomDays.In(context.Days, history, first, day);
        withKratom.Add(day);
        if (withKratom.Count == days)
        {
            yield return NoFreeDay(context, days, first, day, "counting this dose");
        }
        foreach (var b in context.Breaks)
        {
            if (b.Contains(day))
            {
                yield return new Advisory(
                    Definition.Id,
                    AdvisoryLevel.Caution,
                    "This is a planned break day",
                    $"{RuleText.Date(day)} is in your planned break from {RuleText.Date(b.From)} to {RuleText.Date(b.To)}.",
                    "Breaks let tolerance fall; each dose during one undoes part of it.",
                    Definition.Source,
                    "If you can, keep to the break. If withdrawal makes it too hard, change the break or follow a slower taper instead: stopping suddenly is not the only way.");
                break;
            }
        }
    }

    /// <summary>The advisory for no kratom-free day from <paramref name="first"/> to <paramref name="last"/> (also shown on the Today view).</summary>
    internal Advisory NoFreeDay(GuardrailContext context, int days, LocalDate first, LocalDate last, string counting)
    {
        var next = KratomDays.NextBreakAfter(context.Breaks, last);
        var message = $"You have taken kratom on each of the last {RuleText.Number(days)} days ({RuleText.Date(first)} to {RuleText.Date(last)}, {counting}): no kratom-free day.";
        message += next is not null
            ? $" Your next planned break is from {RuleText.Date(next.From)} to {RuleText.Date(next.To)}."
            : " No break is scheduled.";
        if (context.HasActivePlan)
        {
            return new Advisory(
                Definition.Id,
                AdvisoryLevel.Info,
                "No kratom-free day lately",
                message,
                "With a taper plan, following the plan is the safer path than a sudden break: in someone who is dependent, a sudden break is a withdrawal.",
                Definition.Source,
                "Keep to your taper plan; breaks can come once the amounts are low.");
        }
        return new Advisory(
            Definition.Id,
            AdvisoryLevel.Caution,
            $"No kratom-free day in {RuleText.Number(days)} days",
            message,
            Definition.Why,
            Definition.Source,
            next is not null
                ? "Keep to the planned break. If stopping for a day brings withdrawal symptoms, a gradual taper plan is the safer path."
                : "Schedule a break of a few days to a week. If stopping for a day brings withdrawal symptoms, a gradual taper plan is the safer path.");
    }
}
