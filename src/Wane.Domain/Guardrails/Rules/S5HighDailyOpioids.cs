using NodaTime;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>S5 — A high daily opioid total (CDC 2022: 50 MME a day or more).</summary>
internal sealed class S5HighDailyOpioids : IGuardrailRule
{
    /// <summary>The longest local day (a fall-back day is 25 h), with room to spare.</summary>
    private static readonly Duration LongestDay = Duration.FromHours(26);

    /// <summary>Daily opioid total in MME at or above which to advise (CDC 2022: 50).</summary>
    internal static readonly ParameterDefinition Mme = new("mme", "MME", 50m, 1m, 2000m, "Daily opioid total in MME at or above which to advise (CDC 2022: 50)");

    public RuleDefinition Definition { get; } = new(
        "S5",
        "High daily opioid total",
        "An opioid dose that brings the local day's total to the threshold or more, 50 MME by default (caution, with naloxone)",
        "CDC 2022 advises extra precautions when opioids reach 50 MME a day or more, including having naloxone.",
        RuleSources.HighDose,
        [Mme]);

    public Duration LookBack(RuleSetting setting) => LongestDay;

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        if (candidate.Kind != ProductKind.Opioid || candidate.Normalized is not { Unit: NormalUnit.Mme } normalized)
        {
            yield break;
        }
        var day = context.Days.DayOf(candidate.TakenAt);
        var total = normalized.Amount + Total(context, history, day, history.Count);
        if (total < setting[Mme])
        {
            yield break;
        }
        yield return Advise(setting, $"With this dose your opioid total {RuleText.OnDay(day, context.Days, candidate.TakenAt)} is {RuleText.Amount(total, NormalUnit.Mme)}, at or above {RuleText.Amount(setting[Mme], NormalUnit.Mme)} a day.");
    }

    /// <summary>
    /// The advice that stands for the rest of today once today's opioid total reached the threshold.
    /// <c>history</c> is sorted ascending; doses from <c>end</c> on are after <c>now</c>.
    /// </summary>
    internal Advisory? StandingAt(GuardrailContext context, IReadOnlyList<DoseFact> history, int end, RuleSetting setting, Instant now)
    {
        var today = context.Days.DayOf(now);
        var total = Total(context, history, today, end);
        if (total < setting[Mme])
        {
            return null;
        }
        var tomorrow = RuleText.When(context.Days, context.Days.StartOf(today.PlusDays(1)), now);
        return Advise(setting, $"Your opioid total today is {RuleText.Amount(total, NormalUnit.Mme)}, at or above {RuleText.Amount(setting[Mme], NormalUnit.Mme)} a day. This stands until your day ends ({tomorrow}).");
    }

    private static decimal Total(GuardrailContext context, IReadOnlyList<DoseFact> history, LocalDate day, int end)
    {
        var start = context.Days.StartOf(day);
        var total = 0m;
        for (var i = end - 1; i >= 0 && history[i].TakenAt >= start; i--)
        {
            if (history[i] is { Kind: ProductKind.Opioid, Normalized: { Unit: NormalUnit.Mme } n })
            {
                total += n.Amount;
            }
        }
        return total;
    }

    private Advisory Advise(RuleSetting setting, string message) => new(
        Definition.Id,
        AdvisoryLevel.Caution,
        $"{RuleText.Number(setting[Mme])} MME or more today",
        message + RuleText.MmeNote,
        Definition.Why,
        Definition.Source,
        "Take extra precautions: have naloxone at hand (sold over the counter in the US since 29 Mar 2023) and someone nearby who knows how to use it, don't use alone, and don't add alcohol, benzodiazepines or other sedatives.",
        S1DangerousCombinations.Overdose);
}
