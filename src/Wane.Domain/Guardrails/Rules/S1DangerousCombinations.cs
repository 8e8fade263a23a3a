using NodaTime;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>S1 — Dangerous combinations.</summary>
internal sealed class S1DangerousCombinations : IGuardrailRule
{
    /// <summary>Hours either side in which two depressants count as combined.</summary>
    internal static readonly ParameterDefinition Hours = new("hours", "h", 12m, 1m, 48m, "Hours either side in which two depressants count as combined");

    public RuleDefinition Definition { get; } = new(
        "S1",
        "Dangerous combinations",
        "A kratom or opioid dose within the window of a logged CNS depressant (alcohol, benzodiazepine, gabapentinoid, another opioid), or the other way round (danger)",
        "Together they add up in sedation and slowed breathing, which can be fatal.",
        RuleSources.Interactions,
        [Hours]);

    public Duration LookBack(RuleSetting setting) => Spans.Hours(setting[Hours]);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        if (Substance.Of(candidate) is not { Depressant: true } self)
        {
            yield break;
        }
        var window = LookBack(setting);
        var found = new List<(Substance What, Instant Last)>();
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var d = history[i];
            if (candidate.TakenAt - d.TakenAt >= window)
            {
                break;
            }
            // Two doses of the same substance are not a combination; alcohol with a benzodiazepine is
            // one, but outside what Wane tracks unless kratom or an opioid is part of it.
            if (Substance.Of(d) is { Depressant: true } other && other.Key != self.Key && (self.Core || other.Core)
                && !found.Exists(f => f.What.Key == other.Key))
            {
                found.Add((other, d.TakenAt)); // newest first, so this is its latest dose
            }
        }
        if (found.Count == 0)
        {
            yield break;
        }
        var list = RuleText.List(found.Select(f => $"{f.What.Label} at {RuleText.When(context.Days, f.Last, candidate.TakenAt)}").ToArray());
        var message = $"This dose of {self.Label} comes within {RuleText.Number(setting[Hours])} h of {list}.";
        if (self.Tramadol || found.Exists(f => f.What.Tramadol))
        {
            message += " Tramadol also lowers the seizure threshold.";
        }
        yield return new Advisory(
            Definition.Id,
            AdvisoryLevel.Danger,
            "Dangerous combination",
            message,
            Definition.Why,
            Definition.Source,
            "Don't combine them. If you do: take less of each, don't use alone, have naloxone at hand and someone who knows how to use it, and call emergency services if someone cannot be woken or is breathing slowly.",
            Overdose);
    }

    /// <summary>What a danger about overdose shows beside it: emergency services and naloxone.</summary>
    internal const AdvisoryResources Overdose = AdvisoryResources.Emergency | AdvisoryResources.Naloxone;

    /// <summary>
    /// The danger that stands at <paramref name="now"/>: two depressants (one of them kratom or an opioid)
    /// each taken within the last window. It stands until enough of them have left the window that no
    /// combination is left, which is the moment the next dose would no longer be flagged with them either.
    /// <c>history</c> holds the doses up to and including <c>now</c>, sorted ascending; at least the window before it.
    /// </summary>
    internal Advisory? StandingAt(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, Instant now)
    {
        var window = LookBack(setting);
        var last = new List<(Substance What, Instant At)>();
        for (var i = history.Count - 1; i >= 0 && now - history[i].TakenAt < window; i--)
        {
            if (Substance.Of(history[i]) is { Depressant: true } s && !last.Exists(x => x.What.Key == s.Key))
            {
                last.Add((s, history[i].TakenAt)); // newest first
            }
        }
        if (!Combined(last))
        {
            return null;
        }
        var all = RuleText.List(last.Select(x => $"{x.What.Label} at {RuleText.When(context.Days, x.At, now)}").ToArray());
        var tramadol = last.Exists(x => x.What.Tramadol);
        // Drop the oldest until no combination is left: the one whose leaving ends it sets the time.
        var remaining = new List<(Substance What, Instant At)>(last);
        var until = now;
        while (Combined(remaining))
        {
            until = remaining[^1].At + window;
            remaining.RemoveAt(remaining.Count - 1);
        }
        var end = RuleText.When(context.Days, until, now);
        var message = $"You took {all}, within {RuleText.Number(setting[Hours])} h of each other. Together they still count as combined until {end}.";
        if (tramadol)
        {
            message += " Tramadol also lowers the seizure threshold.";
        }
        return new Advisory(
            Definition.Id,
            AdvisoryLevel.Danger,
            "Dangerous combination: still active",
            message,
            Definition.Why,
            Definition.Source,
            $"Don't take more of any of them before {end}. Don't stay alone; have naloxone at hand and someone with you who knows how to use it. If someone cannot be woken, breathes slowly or not at all, or has blue lips, call emergency services now.",
            Overdose);
    }

    private static bool Combined(List<(Substance What, Instant At)> last) => last.Count >= 2 && last.Exists(x => x.What.Core);
}
