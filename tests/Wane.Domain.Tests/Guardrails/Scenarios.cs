using CsCheck;
using NodaTime;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using Wane.Domain.Time;
using Wane.Domain.Units;

namespace Wane.Domain.Tests.Guardrails;

/// <summary>Random but plausible journals, candidates and settings for property tests.</summary>
internal static class Scenarios
{
    private static readonly string?[] Strains = [null, "Red", "green", "White", "red "];

    public static readonly Gen<LocalDays> AnyDays =
        Gen.Select(
            Gen.OneOf("America/New_York", "Asia/Kathmandu", "Europe/London", "Australia/Lord_Howe", "UTC"),
            Gen.Int[0, 23],
            (zone, hour) => new LocalDays(DateTimeZoneProviders.Tzdb[zone], hour));

    /// <summary>A dose, still waiting for its time: kind, strain, product, batch, amounts, meal, reason and pain all vary.</summary>
    public static readonly Gen<Func<Instant, DoseFact>> AnyDose =
        Gen.Select(Gen.Int[0, 8], Gen.Int[1, 80], Gen.Int[0, 4], Gen.Int[1, 4], Gen.Int[0, 5], Gen.Int[0, 11], Gen.Int[0, 19],
            (kind, amount, strain, product, meal, pain, misc) => (Func<Instant, DoseFact>)(t => Make(t, kind, amount, strain, product, meal, pain, misc)));

    private static DoseFact Make(Instant t, int kind, int amount, int strain, int product, int meal, int pain, int misc)
    {
        MealTiming? mealTiming = meal < 4 ? (MealTiming)meal : null;
        int? painBefore = pain <= 10 ? pain : null;
        DoseReason? reason = misc % 6 < 5 ? (DoseReason)(misc % 6) : null;
        var batch = (misc % 3) switch { 0 => null, 1 => "A", _ => "B" };
        var sevenOh = misc == 0;
        if (kind <= 4)
        {
            var grams = amount / 10m;
            var uncalibrated = misc == 1;
            return new DoseFact(t, product, ProductKind.Kratom, Strains[strain], batch, null, null, sevenOh,
                uncalibrated ? new Amount(1m, DoseUnit.Teaspoon) : new Amount(grams, DoseUnit.Gram),
                uncalibrated ? null : new Normalized(grams, NormalUnit.Grams),
                uncalibrated ? NormalizationNote.Uncalibrated : null,
                mealTiming, reason, painBefore);
        }
        if (kind <= 6)
        {
            OpioidName? name = misc == 19 ? null : (OpioidName)(misc % 10);
            return new DoseFact(t, 10 + product, ProductKind.Opioid, null, batch, name, null, sevenOh,
                new Amount(amount, DoseUnit.Milligram), new Normalized(amount, NormalUnit.Mme), null, mealTiming, reason, painBefore);
        }
        return new DoseFact(t, 20 + product, ProductKind.Other, null, null, null, (OtherClass)(misc % 6), sevenOh,
            new Amount(amount, DoseUnit.Milligram), new Normalized(amount, NormalUnit.Milligrams), null, mealTiming, reason, painBefore);
    }

    /// <summary>Settings: mostly the defaults, otherwise every rule on or off and every parameter anywhere in its range.</summary>
    public static readonly Gen<GuardrailSettings> AnySettings =
        Gen.Frequency(
            (1, Gen.Const(GuardrailSettings.Defaults)),
            (2, Gen.Int[0, 1_000_000].Array[64].Select(Settings)));

    private static GuardrailSettings Settings(int[] r)
    {
        var k = 0;
        var drafts = new Dictionary<string, RuleSettingDraft>();
        foreach (var rule in Wane.Domain.Guardrails.Guardrails.Rules)
        {
            var enabled = r[k++] % 5 != 0;
            var values = rule.Definition.Parameters.ToDictionary(
                p => p.Key,
                p => p.Min + (r[k++] % (int)(p.Max - p.Min + 1)));
            drafts[rule.Definition.Id] = new RuleSettingDraft(enabled, values);
        }
        return GuardrailSettings.From(drafts).Settings ?? throw new InvalidOperationException("Generated settings out of range.");
    }

    /// <summary>A person's journal around a candidate dose: up to 300 past doses over 10–200 days, stock, breaks and plan.</summary>
    public static readonly Gen<(GuardrailContext Context, DoseFact Candidate)> AnyScenario =
        Gen.Select(
            AnyDays,
            Gen.Long[1_767_225_600L, 1_798_761_600L], // 2026
            AnyDose,
            // Spread over 10 to 200 days: dense journals reach R3's month without a break, sparse ones S3's pauses.
            Gen.Select(Gen.Int[10, 200], Gen.Select(Gen.Double[0, 1], AnyDose).Array[0, 300]),
            // A daily habit: one kratom dose a day at a random minute for up to 60 days back; a negative minute skips the day.
            Gen.Int[-150, 1439].Array[0, 60],
            Gen.Select(Gen.Int[0, 4].Array[0, 5], Gen.Int[-40, 40].Array[0, 3], Gen.Int[0, 40]),
            (days, seconds, candidate, past, habit, extras) =>
            {
                var (stock, breaks, plan) = extras;
                var at = Instant.FromUnixTimeSeconds(seconds);
                var (spanDays, doses) = past;
                var history = doses
                    .Select(p => p.Item2(at - Duration.FromMinutes(1 + (long)(p.Item1 * spanDays * 24 * 60))))
                    .Concat(habit.Select((minute, k) => (minute, k))
                        .Where(h => h.minute >= 0)
                        .Select(h => days.StartOf(days.DayOf(at).PlusDays(-(h.k + 1))) + Duration.FromMinutes(h.minute))
                        .Where(t => t < at)
                        .Select(t => new DoseFact(t, 1, ProductKind.Kratom, "Red", null, null, null, false,
                            new Amount(3m, DoseUnit.Gram), new Normalized(3m, NormalUnit.Grams), null, null, null, null)))
                    .OrderBy(d => d.TakenAt)
                    .ToArray();
                var day = days.DayOf(at);
                var context = new GuardrailContext(
                    days,
                    history,
                    [.. stock.Select((s, i) => new StockItem(i + 1, "Product " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Strains[s], i % 4 != 3))],
                    [.. breaks.Select(b => new BreakPeriod(day.PlusDays(b), day.PlusDays(b + 2)))],
                    plan % 2 == 0,
                    plan % 4 == 0 ? new Normalized(plan, NormalUnit.Grams) : null);
                return (context, candidate(at));
            });

    /// <summary>Merges extra doses into a context's history, keeping it sorted.</summary>
    public static GuardrailContext WithExtra(this GuardrailContext context, IEnumerable<DoseFact> extra) =>
        context with { History = [.. context.History.Concat(extra).OrderBy(d => d.TakenAt)] };
}
