using NodaTime;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>S3 — Lost tolerance.</summary>
internal sealed class S3LostTolerance : IGuardrailRule
{
    /// <summary>The days, ending with the last dose before the pause, whose daily totals give the former usual amount.</summary>
    private const int FormerDays = 28;

    public RuleDefinition Definition { get; } = new(
        "S3",
        "Lost tolerance",
        "After a pause of several days, a dose at or above the former usual daily amount (opioids: danger, with naloxone; kratom: caution)",
        "Tolerance falls during a pause; returning to a former amount can cause an overdose.",
        RuleSources.LostTolerance,
        [new("pauseDays", "d", 3m, 1m, 30m, "Days without the substance that count as a pause"), new("memoryDays", "d", 120m, 30m, 365m, "How far back former use is looked for")]);

    // The last dose is looked for within memoryDays; the former usual amount needs the 28 local days
    // up to it, so the look-back reaches that much further (plus a day for day-start and DST).
    public Duration LookBack(RuleSetting setting) => Spans.Days(setting["memoryDays"] + FormerDays + 1);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        if (candidate.Kind is not (ProductKind.Kratom or ProductKind.Opioid))
        {
            yield break;
        }
        var unit = NormalUnits.For(candidate.Kind);
        if (candidate.Normalized is not { } normalized || normalized.Unit != unit)
        {
            yield break;
        }
        var memoryStart = candidate.TakenAt - Spans.Days(setting["memoryDays"]);
        var lastIndex = -1;
        for (var i = history.Count - 1; i >= 0 && history[i].TakenAt >= memoryStart; i--)
        {
            if (history[i].Kind == candidate.Kind) // any opioid counts for an opioid
            {
                lastIndex = i;
                break;
            }
        }
        if (lastIndex < 0)
        {
            yield break;
        }
        var last = history[lastIndex];
        var pause = candidate.TakenAt - last.TakenAt;
        if (pause < Spans.Days(setting["pauseDays"]))
        {
            yield break;
        }
        var lastDay = context.Days.DayOf(last.TakenAt);
        var start = context.Days.StartOf(lastDay.PlusDays(-(FormerDays - 1)));
        var totals = new Dictionary<LocalDate, decimal>();
        for (var i = lastIndex; i >= 0 && history[i].TakenAt >= start; i--)
        {
            var d = history[i];
            if (d.Kind == candidate.Kind && d.Normalized is { } n && n.Unit == unit)
            {
                var day = context.Days.DayOf(d.TakenAt);
                totals[day] = totals.GetValueOrDefault(day) + n.Amount;
            }
        }
        if (totals.Count == 0)
        {
            yield break;
        }
        var usual = Stats.Median([.. totals.Values]);
        if (normalized.Amount < usual)
        {
            yield break;
        }
        var kind = RuleText.KindName(candidate.Kind);
        var message = $"Your last {kind} dose was {RuleText.Elapsed(pause)} before this one ({RuleText.When(context.Days, last.TakenAt, candidate.TakenAt)}). "
            + $"Before that your usual daily amount was {RuleText.Amount(usual, unit)} (the median of {RuleText.Number(totals.Count)} days with use in the {RuleText.Number(FormerDays)} days up to it), "
            + $"and this dose alone is {RuleText.Amount(normalized.Amount, unit)}.";
        if (candidate.Kind == ProductKind.Opioid)
        {
            yield return new Advisory(
                Definition.Id,
                AdvisoryLevel.Danger,
                "Lost tolerance: overdose risk",
                message + RuleText.MmeNote,
                "After a pause, tolerance falls. Returning to a former amount can cause a fatal overdose.",
                Definition.Source,
                "Start much lower than before. Have naloxone with you (sold over the counter in the US since 29 Mar 2023), make sure someone nearby knows how to use it, and don't use alone.");
        }
        else
        {
            yield return new Advisory(
                Definition.Id,
                AdvisoryLevel.Caution,
                "Your tolerance may have dropped",
                message,
                "After a pause, tolerance falls, so a former amount can hit harder than it used to.",
                Definition.Source,
                "Start lower than before and see how it feels before taking more.");
        }
    }
}
