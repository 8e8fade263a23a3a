using NodaTime;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>S2 — Rising tolerance.</summary>
internal sealed class S2RisingTolerance : IGuardrailRule
{
    /// <summary>Recent days averaged.</summary>
    internal static readonly ParameterDefinition RecentDays = new("recentDays", "d", 7m, 3m, 14m, "Recent days averaged");
    /// <summary>Earlier days averaged for comparison.</summary>
    internal static readonly ParameterDefinition BaselineDays = new("baselineDays", "d", 28m, 14m, 90m, "Earlier days averaged for comparison");
    /// <summary>Rise that counts as rising tolerance.</summary>
    internal static readonly ParameterDefinition Rise = new("rise", "%", 20m, 5m, 100m, "Rise that counts as rising tolerance");

    public RuleDefinition Definition { get; } = new(
        "S2",
        "Rising tolerance",
        "The last days' daily average at least the set percentage above the daily average of the weeks before (caution)",
        "A rising daily amount is the usual sign of growing tolerance and dependence.",
        RuleSources.Tolerance,
        [RecentDays, BaselineDays, Rise]);

    public Duration LookBack(RuleSetting setting) => Spans.Days(setting[RecentDays] + setting[BaselineDays] + 1);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        if (candidate.Kind is not (ProductKind.Kratom or ProductKind.Opioid))
        {
            yield break;
        }
        var unit = NormalUnits.For(candidate.Kind);
        var extra = candidate.Normalized is { } n && n.Unit == unit ? n.Amount : 0m;
        var numbers = Compute(context, history, setting, candidate.Kind, context.Days.DayOf(candidate.TakenAt), extra);
        if (ToleranceMath.Rising(numbers, setting[Rise]))
        {
            yield return Rising(candidate.Kind, numbers, setting);
        }
    }

    internal static ToleranceMath.Numbers Compute(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, ProductKind kind, LocalDate lastDay, decimal extra) =>
        ToleranceMath.Compute(context.Days, history, kind, lastDay, extra, Spans.Whole(setting[RecentDays]), Spans.Whole(setting[BaselineDays]));

    /// <summary>The advisory for a rising average (also shown on the Today view).</summary>
    internal Advisory Rising(ProductKind kind, ToleranceMath.Numbers numbers, RuleSetting setting)
    {
        var unit = NormalUnits.For(kind);
        var recentDays = Spans.Whole(setting[RecentDays]);
        var before = numbers.BaselineDays == Spans.Whole(setting[BaselineDays])
            ? $"the {RuleText.Number(numbers.BaselineDays)} days before"
            : $"the {RuleText.Number(numbers.BaselineDays)} days before, since your first logged {RuleText.KindName(kind)} dose";
        return new Advisory(
            Definition.Id,
            AdvisoryLevel.Caution,
            "Rising tolerance",
            $"Your {RuleText.KindName(kind)} average over the last {RuleText.Number(recentDays)} days is {RuleText.Average(numbers.Recent, unit)} a day, "
                + $"{RuleText.Number(ToleranceMath.PercentChange(numbers) ?? 0m)}% above the {RuleText.Average(numbers.Baseline, unit)} a day of {before}."
                + (kind == ProductKind.Opioid ? RuleText.MmeNote : ""),
            Definition.Why,
            Definition.Source,
            "Hold your daily amount steady or step it down; a taper plan can set the steps.");
    }
}
