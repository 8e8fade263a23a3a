using NodaTime;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>R4 — Start low, measure, go up slowly.</summary>
internal sealed class R4StartLow : IGuardrailRule
{
    /// <summary>Days of history the largest dose is taken from.</summary>
    internal static readonly ParameterDefinition Days = new("days", "d", 14m, 3m, 60m, "Days of history the largest dose is taken from");
    /// <summary>Largest increase over that dose before a caution.</summary>
    internal static readonly ParameterDefinition Step = new("step", "%", 25m, 5m, 100m, "Largest increase over that dose before a caution");
    /// <summary>First dose of a new product or batch above this share of the usual dose.</summary>
    internal static readonly ParameterDefinition NewProduct = new("newProduct", "%", 50m, 10m, 100m, "First dose of a new product or batch above this share of the usual dose");
    /// <summary>Daily kratom cap in grams (0: none).</summary>
    internal static readonly ParameterDefinition KratomCap = new("kratomCap", "g", 0m, 0m, 100m, "Daily kratom cap in grams (0: none)");
    /// <summary>Daily opioid cap in MME (0: none).</summary>
    internal static readonly ParameterDefinition OpioidCap = new("opioidCap", "MME", 0m, 0m, 2000m, "Daily opioid cap in MME (0: none)");

    public RuleDefinition Definition { get; } = new(
        "R4",
        "Start low, measure, go up slowly",
        "A dose more than the titration step above the largest of the last days (caution); the first dose of a new product or batch above a fraction of the usual dose (caution); a daily total above the cap or the plan's allowance (caution); a teaspoon or count with no weight (info)",
        "Products differ many-fold in strength, and small increases add up; measuring by weight is the only way to know how much was taken.",
        RuleSources.Potency,
        [Days, Step, NewProduct, KratomCap, OpioidCap]);

    public Duration LookBack(RuleSetting setting) => Spans.Days(setting[Days] + 1);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now)
    {
        // Kratom in grams and opioids in MME are the amounts the method steps; "other" products share
        // a unit (mg) but not a scale, so comparing them would be meaningless.
        if (candidate.Kind is not (ProductKind.Kratom or ProductKind.Opioid))
        {
            yield break;
        }
        if (candidate.NormalizationNote == NormalizationNote.Uncalibrated)
        {
            yield return Uncalibrated(candidate);
        }
        var unit = NormalUnits.For(candidate.Kind);
        if (candidate.Normalized is not { } normalized || normalized.Unit != unit)
        {
            yield break;
        }
        var amount = normalized.Amount;
        var kind = RuleText.KindName(candidate.Kind);
        var mme = candidate.Kind == ProductKind.Opioid ? RuleText.MmeNote : "";
        var days = setting[Days];
        var from = candidate.TakenAt - Spans.Days(days);
        var day = context.Days.DayOf(candidate.TakenAt);
        var dayStart = context.Days.StartOf(day);
        var singles = new List<decimal>();
        var productSeen = false;
        var batchSeen = false;
        var dayTotal = amount;
        for (var i = 0; i < history.Count; i++)
        {
            var d = history[i];
            if (d.Kind != candidate.Kind)
            {
                continue;
            }
            var counted = d.Normalized is { } n && n.Unit == unit ? n.Amount : (decimal?)null;
            if (d.TakenAt >= dayStart && counted is { } c)
            {
                dayTotal += c;
            }
            if (d.TakenAt < from)
            {
                continue;
            }
            if (counted is { } s)
            {
                singles.Add(s);
            }
            if (d.ProductId == candidate.ProductId)
            {
                productSeen = true;
                batchSeen |= RuleText.SameName(d.Batch, candidate.Batch);
            }
        }

        if (singles.Count > 0)
        {
            var largest = singles.Max();
            var step = setting[Step];
            if (amount > largest * (1m + (step / 100m)))
            {
                yield return new Advisory(
                    Definition.Id,
                    AdvisoryLevel.Caution,
                    "A big step up",
                    $"This {RuleText.Amount(amount, unit)} is more than {RuleText.Number(step)}% above your largest {kind} dose of the last {RuleText.Number(days)} days ({RuleText.Amount(largest, unit)}).{mme}",
                    Definition.Why,
                    Definition.Source,
                    "Go up slowly, in small steps, and give each one time before taking more.");
            }
            var newBatch = productSeen && !string.IsNullOrWhiteSpace(candidate.Batch) && !batchSeen;
            if (!productSeen || newBatch)
            {
                var usual = Stats.Median(singles);
                var share = setting[NewProduct];
                if (amount > usual * share / 100m)
                {
                    var what = newBatch
                        ? $"This is the first dose from batch {candidate.Batch!.Trim()} of this product"
                        : $"This is the first dose of this product in the last {RuleText.Number(days)} days";
                    yield return new Advisory(
                        Definition.Id,
                        AdvisoryLevel.Caution,
                        newBatch ? "A new batch: start low" : "A new product: start low",
                        $"{what}, and {RuleText.Amount(amount, unit)} is more than {RuleText.Number(share)}% of your usual {kind} dose ({RuleText.Amount(usual, unit)}, the median of the last {RuleText.Number(days)} days).{mme}",
                        "Products and batches differ many-fold in strength, so the same amount of a new one can be much stronger.",
                        Definition.Source,
                        "Start a new product or batch with a smaller amount and see how it feels before taking more.");
                }
            }
        }

        var cap = candidate.Kind == ProductKind.Kratom ? setting[KratomCap] : setting[OpioidCap];
        var when = RuleText.OnDay(day, context.Days, now);
        if (cap > 0m && dayTotal > cap)
        {
            yield return new Advisory(
                Definition.Id,
                AdvisoryLevel.Caution,
                "Above your daily cap",
                $"With this dose your {kind} total {when} would be {RuleText.Amount(dayTotal, unit)}, above your daily cap of {RuleText.Amount(cap, unit)}.{mme}",
                "A daily cap you set yourself keeps small extra doses from adding up.",
                Definition.Source,
                "If you can, stop at your cap for the day.");
        }
        if (context.PlanDailyAllowance is { } allowance && allowance.Unit == unit && dayTotal > allowance.Amount)
        {
            yield return new Advisory(
                Definition.Id,
                AdvisoryLevel.Caution,
                "Above your plan's allowance",
                $"With this dose your {kind} total {when} would be {RuleText.Amount(dayTotal, unit)}, above your taper plan's allowance of {RuleText.Amount(allowance.Amount, unit)}.{mme}",
                "A taper works by keeping to each step; doses above the allowance undo it.",
                Definition.Source,
                "Stay within the allowance if you can. If the plan is too fast, slowing or pausing it is acceptable: change the plan rather than going over it.");
        }
    }

    private Advisory Uncalibrated(DoseFact candidate) => new(
        Definition.Id,
        AdvisoryLevel.Info,
        "Not measured by weight",
        $"This dose ({candidate.Amount}) has no weight or strength, so it cannot be counted in totals or compared with your other doses.",
        "A teaspoon or a tablet is not a fixed amount of substance; only a weight or a known strength can be added up and compared.",
        Definition.Source,
        candidate.Kind == ProductKind.Kratom
            ? "Weigh a level teaspoon of this product once and set its weight per teaspoon, so amounts can be counted."
            : "Set the product's strength (mg per tablet or per ml), so amounts can be counted.");
}
