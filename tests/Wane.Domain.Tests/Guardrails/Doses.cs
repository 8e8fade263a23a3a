using NodaTime;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using Wane.Domain.Time;
using Wane.Domain.Units;

namespace Wane.Domain.Tests.Guardrails;

/// <summary>Builds dose facts, contexts and evaluations for guardrail tests. Tweak a dose with <c>with { … }</c>.</summary>
internal static class Doses
{
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    public static readonly DateTimeZone Kathmandu = DateTimeZoneProviders.Tzdb["Asia/Kathmandu"];
    public static readonly LocalDays NewYorkDays = new(NewYork);

    /// <summary>An instant from a New York wall-clock time (a repeated time resolves to the first).</summary>
    public static Instant Ny(int year, int month, int day, int hour, int minute = 0) =>
        NewYorkDays.InstantOf(new LocalDateTime(year, month, day, hour, minute));

    public static DoseFact Kratom(Instant at, decimal grams = 3m, string? strain = null, long product = 1, string? batch = null) =>
        new(at, product, ProductKind.Kratom, strain, batch, null, null, false,
            new Amount(grams, DoseUnit.Gram), new Normalized(grams, NormalUnit.Grams), null, null, null, null);

    /// <summary>A teaspoon dose of a product with no weight per teaspoon.</summary>
    public static DoseFact KratomTeaspoons(Instant at, decimal teaspoons = 1m, long product = 1) =>
        new(at, product, ProductKind.Kratom, null, null, null, null, false,
            new Amount(teaspoons, DoseUnit.Teaspoon), null, NormalizationNote.Uncalibrated, null, null, null);

    public static DoseFact Opioid(Instant at, OpioidName? name = OpioidName.Oxycodone, decimal mme = 15m, long product = 10) =>
        new(at, product, ProductKind.Opioid, null, null, name, null, false,
            new Amount(mme, DoseUnit.Milligram), new Normalized(mme, NormalUnit.Mme), null, null, null, null);

    public static DoseFact Other(Instant at, OtherClass otherClass, decimal mg = 10m, long product = 20) =>
        new(at, product, ProductKind.Other, null, null, null, otherClass, false,
            new Amount(mg, DoseUnit.Milligram), new Normalized(mg, NormalUnit.Milligrams), null, null, null, null);

    public static GuardrailContext Context(params DoseFact[] history) => Context(NewYorkDays, history);

    public static GuardrailContext Context(LocalDays days, params DoseFact[] history) =>
        new(days, [.. history.OrderBy(d => d.TakenAt)], [], []);

    /// <summary>Evaluates with default settings (or the given ones), "now" being the candidate's time.</summary>
    public static IReadOnlyList<Advisory> Evaluate(GuardrailContext context, DoseFact candidate, GuardrailSettings? settings = null) =>
        Wane.Domain.Guardrails.Guardrails.Evaluate(context, settings ?? GuardrailSettings.Defaults, candidate, candidate.TakenAt);

    /// <summary>The advisories of one rule.</summary>
    public static IReadOnlyList<Advisory> Of(this IReadOnlyList<Advisory> advisories, string rule) =>
        [.. advisories.Where(a => a.Rule == rule)];

    /// <summary>Defaults with assignments applied, e.g. "R1.interval=5h"; throws on a bad one.</summary>
    public static GuardrailSettings With(params string[] assignments)
    {
        var settings = GuardrailSettings.Defaults;
        foreach (var a in assignments)
        {
            var (next, error) = settings.Apply(a);
            settings = next ?? throw new ArgumentException(error?.Message, nameof(assignments));
        }
        return settings;
    }

    /// <summary>One dose a day for <paramref name="count"/> days ending the day before <paramref name="lastDay"/>, at a local time.</summary>
    public static IEnumerable<DoseFact> Daily(LocalDays days, LocalDate lastDay, int count, LocalTime at, Func<Instant, DoseFact> dose) =>
        Enumerable.Range(1, count).Select(k => dose(days.InstantOf(lastDay.PlusDays(-k).At(at))));
}
