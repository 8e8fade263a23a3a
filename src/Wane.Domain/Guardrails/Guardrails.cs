using NodaTime;
using Wane.Domain.Guardrails.Rules;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails;

/// <summary>
/// The guardrail engine: <c>(history window, settings, candidate dose, now) → advisories</c>.
/// Pure and deterministic. Each rule declares its look-back; the engine hands each rule only the
/// doses inside it, so the cost does not grow with years of history.
/// </summary>
public static class Guardrails
{
    /// <summary>Every rule, in the order advisories are listed (the method's five, then safety).</summary>
    public static IReadOnlyList<IGuardrailRule> Rules { get; } =
    [
        new R1WearOff(), new R2RotateStrains(), new R3TakeBreaks(), new R4StartLow(), new R5BeforeMeals(),
        new S1DangerousCombinations(), new S2RisingTolerance(), new S3LostTolerance(), new S4HighRiskProducts(), new S5HighDailyOpioids(),
    ];

    private static readonly S3LostTolerance S3 = Rules.OfType<S3LostTolerance>().Single();

    /// <summary>Finds a rule by id (case-insensitive).</summary>
    public static IGuardrailRule? Find(string id) =>
        Rules.FirstOrDefault(r => string.Equals(r.Definition.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>How far before a candidate the host must read: the largest look-back among enabled rules.</summary>
    public static Duration Window(GuardrailSettings settings) => Window(settings, except: null);

    /// <summary>The largest look-back among enabled rules other than <paramref name="except"/> (a rule id).</summary>
    public static Duration Window(GuardrailSettings settings, string? except)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Rules.Where(r => settings[r].Enabled && !string.Equals(r.Definition.Id, except, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.LookBack(settings[r]))
            .DefaultIfEmpty(Duration.Zero)
            .Max();
    }

    /// <summary>Whether S3 (lost tolerance) is on and judges doses of <paramref name="kind"/> (kratom and opioids).</summary>
    public static bool LostToleranceApplies(GuardrailSettings settings, ProductKind? kind)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings[S3].Enabled && kind is ProductKind.Kratom or ProductKind.Opioid;
    }

    /// <summary>How long without the substance S3 counts as a pause, with these settings.</summary>
    public static Duration LostTolerancePause(GuardrailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return S3LostTolerance.PauseLength(settings[S3]);
    }

    /// <summary>
    /// The window a host may read first for a candidate of <paramref name="kind"/>. S3 looks back months, but
    /// only a pause can make it speak: when the short window holds a dose of that kind inside the pause
    /// (<see cref="LostTolerancePause"/>), nothing older changes any advisory; otherwise the host reads the
    /// rest of <see cref="Window(GuardrailSettings)"/>. The short window is the other rules' window when it
    /// covers what S3 needs in that case, else the whole window.
    /// </summary>
    public static Duration ShortWindow(GuardrailSettings settings, ProductKind kind)
    {
        var others = Window(settings, except: S3.Definition.Id);
        if (!LostToleranceApplies(settings, kind))
        {
            return others;
        }
        return others >= S3LostTolerance.RecentLookBack(settings[S3]) ? others : Window(settings);
    }

    /// <summary>The advisories for a candidate dose, most serious first; every one names its rule and source.</summary>
    public static IReadOnlyList<Advisory> Evaluate(GuardrailContext context, GuardrailSettings settings, DoseFact candidate, Instant now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(candidate);
        var advisories = new List<Advisory>();
        var end = UpperBound(context.History, candidate.TakenAt);
        foreach (var rule in Rules)
        {
            var setting = settings[rule];
            if (!setting.Enabled)
            {
                continue;
            }
            var start = LowerBound(context.History, candidate.TakenAt - rule.LookBack(setting), end);
            var window = new HistorySlice(context.History, start, end);
            advisories.AddRange(rule.Evaluate(context, window, setting, candidate, now));
        }
        return advisories.OrderByDescending(a => a.Level).ToList();
    }

    /// <summary>
    /// First index in [0, <paramref name="end"/>) with TakenAt ≥ <paramref name="from"/>, or
    /// <paramref name="end"/> (history is sorted ascending). The answer is nearly always a short way
    /// back from <paramref name="end"/>, so this gallops backwards from there (1, 2, 4… doses) and then
    /// bisects the last jump: O(log of the window), however many years of history lie before it.
    /// </summary>
    internal static int LowerBound(IReadOnlyList<DoseFact> history, Instant from, int end)
    {
        // Invariant: every index in [hi, end) has TakenAt ≥ from; lo < 0 or history[lo].TakenAt < from.
        int hi = end, lo = end - 1, step = 1;
        while (lo >= 0 && history[lo].TakenAt >= from)
        {
            hi = lo;
            step = step > hi ? hi + 1 : step * 2; // no overflow: step stays at most 2 × hi
            lo = Math.Max(hi - step, -1);
        }
        lo++;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (history[mid].TakenAt < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>First index with TakenAt ≥ the candidate's time: later doses did not exist yet when it was taken.</summary>
    private static int UpperBound(IReadOnlyList<DoseFact> history, Instant candidate) =>
        LowerBound(history, candidate, history.Count);
}
