using System.Globalization;
using NodaTime;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>S1 — Dangerous combinations.</summary>
internal sealed class S1DangerousCombinations : IGuardrailRule
{
    public RuleDefinition Definition { get; } = new(
        "S1",
        "Dangerous combinations",
        "A kratom or opioid dose within the window of a logged CNS depressant (alcohol, benzodiazepine, gabapentinoid, another opioid), or the other way round (danger)",
        "Together they add up in sedation and slowed breathing, which can be fatal.",
        RuleSources.Interactions,
        [new("hours", "h", 12m, 1m, 48m, "Hours either side in which two depressants count as combined")]);

    public Duration LookBack(RuleSetting setting) => Spans.Hours(setting["hours"]);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        if (Depressant.Of(candidate) is not { } self)
        {
            yield break;
        }
        var window = LookBack(setting);
        var found = new List<(Depressant What, Instant Last)>();
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var d = history[i];
            if (candidate.TakenAt - d.TakenAt >= window)
            {
                break;
            }
            // Two doses of the same substance are not a combination; alcohol with a benzodiazepine is
            // one, but outside what Wane tracks unless kratom or an opioid is part of it.
            if (Depressant.Of(d) is { } other && other.Key != self.Key && (self.Core || other.Core)
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
        var message = $"This dose of {self.Label} comes within {RuleText.Number(setting["hours"])} h of {list}.";
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
            "Don't combine them. If you do: take less of each, don't use alone, have naloxone at hand and someone who knows how to use it, and call emergency services if someone cannot be woken or is breathing slowly.");
    }

    /// <summary>A CNS depressant as S1 tells substances apart.</summary>
    private sealed record Depressant(string Key, string Label, bool Core, bool Tramadol)
    {
        public static Depressant? Of(DoseFact d) => d.Kind switch
        {
            ProductKind.Kratom => new("kratom", "kratom", true, false),
            ProductKind.Opioid when d.Opioid is { } o => new("opioid:" + o, WireName.Of(o), true, o == OpioidName.Tramadol),
            // With no opioid named, only the same product is known to be the same opioid.
            ProductKind.Opioid => new("opioid-product:" + d.ProductId.ToString(CultureInfo.InvariantCulture), "an opioid", true, false),
            ProductKind.Other => d.OtherClass switch
            {
                OtherClass.Alcohol => new("alcohol", "alcohol", false, false),
                OtherClass.Benzodiazepine => new("benzodiazepine", "a benzodiazepine", false, false),
                OtherClass.Gabapentinoid => new("gabapentinoid", "a gabapentinoid (gabapentin or pregabalin)", false, false),
                _ => null,
            },
            _ => null,
        };
    }
}
