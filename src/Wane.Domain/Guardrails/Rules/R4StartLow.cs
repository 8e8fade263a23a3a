using NodaTime;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>R4 — Start low, measure, go up slowly.</summary>
internal sealed class R4StartLow : IGuardrailRule
{
    public RuleDefinition Definition { get; } = new(
        "R4",
        "Start low, measure, go up slowly",
        "A dose more than the titration step above the largest of the last days (caution); the first dose of a new product or batch above a fraction of the usual dose (caution); a daily total above the cap or the plan's allowance (caution); a teaspoon or count with no weight (info)",
        "Products differ many-fold in strength, and small increases add up; measuring by weight is the only way to know how much was taken.",
        RuleSources.Potency,
        [new("days", "d", 14m, 3m, 60m, "Days of history the largest dose is taken from"), new("step", "%", 25m, 5m, 100m, "Largest increase over that dose before a caution"), new("newProduct", "%", 50m, 10m, 100m, "First dose of a new product or batch above this share of the usual dose"), new("kratomCap", "g", 0m, 0m, 100m, "Daily kratom cap in grams (0: none)"), new("opioidCap", "MME", 0m, 0m, 2000m, "Daily opioid cap in MME (0: none)")]);

    public Duration LookBack(RuleSetting setting) => Duration.FromDays((double)setting["days"] + 1);

    public IEnumerable<Advisory> Evaluate(GuardrailContext context, IReadOnlyList<DoseFact> history, RuleSetting setting, DoseFact candidate, Instant now) => [];
}
