using NodaTime;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>S3 — Lost tolerance.</summary>
internal sealed class S3LostTolerance : IGuardrailRule
{
    /// <summary>The days, ending with the last dose before the pause, whose daily totals give the former usual amount.</summary>
    private const int FormerDays = 28;

    /// <summary>Days without the substance that count as a pause.</summary>
    internal static readonly ParameterDefinition PauseDays = new("pauseDays", "d", 3m, 1m, 30m, "Days without the substance that count as a pause");
    /// <summary>How far back former use is looked for.</summary>
    internal static readonly ParameterDefinition MemoryDays = new("memoryDays", "d", 120m, 30m, 365m, "How far back former use is looked for");
    /// <summary>Hours the warning stays on Today after such a dose.</summary>
    internal static readonly ParameterDefinition StandHours = new("standHours", "h", 24m, 1m, 72m, "Hours the warning stays on Today after such a dose");

    public RuleDefinition Definition { get; } = new(
        "S3",
        "Lost tolerance",
        "After a pause of several days, a dose at or above the former usual daily amount (opioids: danger, with naloxone; kratom: caution)",
        "Tolerance falls during a pause; returning to a former amount can cause an overdose.",
        RuleSources.LostTolerance,
        [PauseDays, MemoryDays, StandHours]);

    // The last dose is looked for within memoryDays; the former usual amount needs the 28 local days
    // up to it, so the look-back reaches that much further (plus a day for day-start and DST).
    public Duration LookBack(RuleSetting setting) => Spans.Days(setting[MemoryDays] + FormerDays + 1);

    /// <summary>How long without the substance counts as a pause.</summary>
    internal static Duration PauseLength(RuleSetting setting) => Spans.Days(setting[PauseDays]);

    /// <summary>
    /// What the rule can need when a dose of the substance lies within the pause: the pause and the former-use
    /// days before it, plus a day for day-start and DST. Older doses cannot change its advice then.
    /// </summary>
    internal static Duration RecentLookBack(RuleSetting setting) => Spans.Days(setting[PauseDays] + FormerDays + 1);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        if (Find(context, history, setting, candidate) is not { } pause)
        {
            yield break;
        }
        var kind = RuleText.KindName(candidate.Kind);
        var message = $"Your last {kind} dose was {RuleText.Elapsed(pause.Length)} before this one ({RuleText.When(context.Days, pause.Last, candidate.TakenAt)}). "
            + $"Before that {Usual(pause)}, and this dose alone is {RuleText.Amount(pause.Amount, pause.Unit)}.";
        yield return Advise(candidate.Kind, message);
    }

    /// <summary>
    /// The lost-tolerance warning that stands at <paramref name="now"/>: for each kind, the latest dose in the last
    /// <c>standHours</c> that came after a pause at or above the former usual amount.
    /// <c>history</c> is the whole history the host read, sorted ascending; doses from <c>end</c> on are after <c>now</c>.
    /// </summary>
    internal IEnumerable<Advisory> StandingAt(GuardrailContext context, IReadOnlyList<DoseFact> history, int end, RuleSetting setting, Instant now)
    {
        var since = now - Spans.Hours(setting[StandHours]);
        var seen = new HashSet<ProductKind>();
        for (var i = end - 1; i >= 0 && history[i].TakenAt > since; i--)
        {
            var dose = history[i];
            if (seen.Contains(dose.Kind))
            {
                continue;
            }
            var before = new HistorySlice(history, Guardrails.LowerBound(history, dose.TakenAt - LookBack(setting), i), Guardrails.LowerBound(history, dose.TakenAt, i));
            if (Find(context, before, setting, dose) is not { } pause)
            {
                continue;
            }
            seen.Add(dose.Kind);
            var kind = RuleText.KindName(dose.Kind);
            var until = RuleText.When(context.Days, dose.TakenAt + Spans.Hours(setting[StandHours]), now);
            var message = $"Your {kind} dose of {RuleText.Amount(pause.Amount, pause.Unit)} at {RuleText.When(context.Days, dose.TakenAt, now)} came {RuleText.Elapsed(pause.Length)} after the one before it ({RuleText.When(context.Days, pause.Last, now)}). "
                + $"Before that {Usual(pause)}. This warning stands until {until} ({RuleText.Number(setting[StandHours])} h after that dose).";
            yield return Advise(dose.Kind, message);
        }
    }

    /// <summary>Whether doses a host has not read could change <see cref="StandingAt"/>: a recent dose with no dose of its kind in the pause before it.</summary>
    internal static bool MayStand(IReadOnlyList<DoseFact> history, int end, RuleSetting setting, Instant now)
    {
        var since = now - Spans.Hours(setting[StandHours]);
        var pause = PauseLength(setting);
        for (var i = end - 1; i >= 0 && history[i].TakenAt > since; i--)
        {
            var dose = history[i];
            if (dose.Kind is not (ProductKind.Kratom or ProductKind.Opioid))
            {
                continue;
            }
            var paused = true;
            for (var j = i - 1; j >= 0 && dose.TakenAt - history[j].TakenAt < pause; j--)
            {
                if (history[j].Kind == dose.Kind && history[j].TakenAt < dose.TakenAt)
                {
                    paused = false;
                    break;
                }
            }
            if (paused)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The pause before a dose and the former usual amount, when the dose is at or above it.</summary>
    private sealed record Pause(Duration Length, Instant Last, decimal Usual, int Days, decimal Amount, NormalUnit Unit);

    private static string Usual(Pause p) =>
        $"your usual daily amount was {RuleText.Amount(p.Usual, p.Unit)} (the median of {RuleText.Number(p.Days)} days with use in the {RuleText.Number(FormerDays)} days up to it)";

    private static Pause? Find(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate)
    {
        if (candidate.Kind is not (ProductKind.Kratom or ProductKind.Opioid))
        {
            return null;
        }
        var unit = NormalUnits.For(candidate.Kind);
        if (candidate.Normalized is not { } normalized || normalized.Unit != unit)
        {
            return null;
        }
        var memoryStart = candidate.TakenAt - Spans.Days(setting[MemoryDays]);
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
            return null;
        }
        var last = history[lastIndex];
        var pause = candidate.TakenAt - last.TakenAt;
        if (pause < PauseLength(setting))
        {
            return null;
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
            return null;
        }
        var usual = Stats.Median([.. totals.Values]);
        return normalized.Amount < usual ? null : new Pause(pause, last.TakenAt, usual, totals.Count, normalized.Amount, unit);
    }

    private Advisory Advise(ProductKind kind, string message) =>
        kind == ProductKind.Opioid
            ? new Advisory(
                Definition.Id,
                AdvisoryLevel.Danger,
                "Lost tolerance: overdose risk",
                message + RuleText.MmeNote,
                "After a pause, tolerance falls. Returning to a former amount can cause a fatal overdose.",
                Definition.Source,
                "Start much lower than before. Have naloxone with you (sold over the counter in the US since 29 Mar 2023), make sure someone nearby knows how to use it, and don't use alone.",
                S1DangerousCombinations.Overdose)
            : new Advisory(
                Definition.Id,
                AdvisoryLevel.Caution,
                "Your tolerance may have dropped",
                message,
                "After a pause, tolerance falls, so a former amount can hit harder than it used to.",
                Definition.Source,
                "Start lower than before and see how it feels before taking more.");
}
