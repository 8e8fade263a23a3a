using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using Wane.Domain.Time;
using Wane.Domain.Units;

namespace Wane.Bench;

/// <summary>
/// One candidate dose checked against every guardrail with default settings. Both histories end with
/// the same 100 doses (about 18 days of 4–6 kratom doses a day and some opioid doses); the larger one
/// adds 99,900 older doses, all before the engine's window. The cost should not grow with them: the
/// engine finds the window by binary search and each rule reads only its own slice.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet runs only public benchmark classes.")]
public class GuardrailEvaluation
{
    private const int RecentDoses = 100;
    private static readonly string[] Strains = ["Red Bali", "Green Malay", "White Borneo"];

    private GuardrailContext _context = null!;
    private DoseFact _candidate = null!;
    private Instant _now;

    /// <summary>How many past doses the host passes.</summary>
    [Params(100, 100_000)]
    public int PastDoses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var days = new LocalDays(DateTimeZoneProviders.Tzdb["America/New_York"], 4);
        _now = Instant.FromUtc(2026, 11, 25, 18, 0);
        _candidate = Kratom(_now, 4m, "Red Bali", 1);

        // The window's doses come from their own seed, so they are the same in both cases.
        var recent = Journal(new Random(20261125), _now - Duration.FromMinutes(30), RecentDoses);
        var edge = _now - Guardrails.Window(GuardrailSettings.Defaults) - Duration.FromDays(1);
        var older = Journal(new Random(1), edge, PastDoses - RecentDoses);
        var history = new List<DoseFact>(PastDoses);
        history.AddRange(older);
        history.AddRange(recent);
        _context = new GuardrailContext(
            days,
            history,
            [new StockItem(1, "Red Bali", "Red Bali", true), new StockItem(2, "Green Malay", "Green Malay", true), new StockItem(3, "White Borneo", "White Borneo", true)],
            [new BreakPeriod(new LocalDate(2026, 12, 5), new LocalDate(2026, 12, 7))]);
    }

    [Benchmark]
    public IReadOnlyList<Advisory> Evaluate() => Guardrails.Evaluate(_context, GuardrailSettings.Defaults, _candidate, _now);

    /// <summary>
    /// <paramref name="count"/> doses, ascending, the last one at or before <paramref name="end"/>: each day
    /// 4–6 kratom doses of rotating strains from about 07:00 to 22:00, and an opioid dose on about one day in three.
    /// </summary>
    private static List<DoseFact> Journal(Random random, Instant end, int count)
    {
        var doses = new List<DoseFact>(count);
        var dayEnd = end;
        while (doses.Count < count)
        {
            var day = new List<DoseFact>();
            var kratom = random.Next(4, 7);
            for (var i = 0; i < kratom; i++)
            {
                var at = dayEnd - Duration.FromMinutes((i * 180) + random.Next(0, 60));
                day.Add(Kratom(at, 2m + (random.Next(0, 21) / 10m), Strains[random.Next(Strains.Length)], 1 + random.Next(3)));
            }
            if (random.Next(3) == 0)
            {
                day.Add(Opioid(dayEnd - Duration.FromMinutes(random.Next(60, 900)), 10m + (5m * random.Next(0, 4))));
            }
            foreach (var d in day.OrderByDescending(d => d.TakenAt))
            {
                if (doses.Count < count)
                {
                    doses.Add(d);
                }
            }
            dayEnd -= Duration.FromDays(1);
        }
        doses.Reverse();
        return doses;
    }

    private static DoseFact Kratom(Instant at, decimal grams, string strain, long product) =>
        new(at, product, ProductKind.Kratom, strain, "2026-11", null, null, false,
            new Amount(grams, DoseUnit.Gram), new Normalized(grams, NormalUnit.Grams), null, MealTiming.Before, DoseReason.Withdrawal, null);

    private static DoseFact Opioid(Instant at, decimal mg) =>
        new(at, 10, ProductKind.Opioid, null, null, OpioidName.Oxycodone, null, false,
            new Amount(mg, DoseUnit.Milligram), new Normalized(mg * 1.5m, NormalUnit.Mme), null, null, DoseReason.Pain, 6);
}
