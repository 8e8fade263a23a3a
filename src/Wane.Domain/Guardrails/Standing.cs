using NodaTime;
using Wane.Domain.Guardrails.Rules;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails;

/// <summary>
/// The Today view's standing: the last dose and when it wears off, the strain to rotate to, the
/// last kratom-free day, the next break, the tolerance trend, and the advisories that stand now.
/// Pure; like the engine it reads only a bounded window before <c>now</c>.
/// </summary>
public static class Standing
{
    private static readonly R1WearOff R1 = Guardrails.Rules.OfType<R1WearOff>().Single();
    private static readonly R2RotateStrains R2 = Guardrails.Rules.OfType<R2RotateStrains>().Single();
    private static readonly R3TakeBreaks R3 = Guardrails.Rules.OfType<R3TakeBreaks>().Single();
    private static readonly S1DangerousCombinations S1 = Guardrails.Rules.OfType<S1DangerousCombinations>().Single();
    private static readonly S2RisingTolerance S2 = Guardrails.Rules.OfType<S2RisingTolerance>().Single();
    private static readonly S3LostTolerance S3 = Guardrails.Rules.OfType<S3LostTolerance>().Single();
    private static readonly S5HighDailyOpioids S5 = Guardrails.Rules.OfType<S5HighDailyOpioids>().Single();

    /// <summary>How far back "the last day" reaches for each substance's last dose.</summary>
    public static readonly Duration WearOffWindow = Duration.FromDays(1);

    /// <summary>
    /// How far before <c>now</c> the host must read (R1, R2, R3, S1, S2 and S5's look-backs, on or off, the last
    /// day's doses, and S3's recent doses with the pause before them, plus a day). When
    /// <see cref="NeedsFullLookBack"/> says so, read <see cref="FullLookBack"/> instead.
    /// </summary>
    public static Duration LookBack(GuardrailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var s3 = settings[S3];
        var longest = new[]
        {
            R1.LookBack(settings[R1]),
            R2.LookBack(settings[R2]),
            R3.LookBack(settings[R3]),
            S1.LookBack(settings[S1]),
            S2.LookBack(settings[S2]),
            S5.LookBack(settings[S5]),
            WearOffWindow,
            Spans.Hours(s3[S3LostTolerance.StandHours]) + Spans.Days(s3[S3LostTolerance.PauseDays]),
        }.Max();
        // R3 counts back whole local days from the start of today, which can reach a little past its own look-back.
        return longest + Duration.FromDays(1);
    }

    /// <summary>
    /// The look-back when a recent dose may have come after a pause: S3 then needs its months of former use
    /// before that dose (S3's own look-back), which is much more than Today otherwise reads.
    /// </summary>
    public static Duration FullLookBack(GuardrailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var s3 = settings[S3];
        var full = Spans.Hours(s3[S3LostTolerance.StandHours]) + S3.LookBack(s3) + Duration.FromDays(1);
        var recent = LookBack(settings);
        return full > recent ? full : recent;
    }

    /// <summary>
    /// Whether the host must read <see cref="FullLookBack"/>: S3 is on and a kratom or opioid dose in its
    /// standing hours has none of its kind in the pause before it, in <paramref name="context"/> read over
    /// <see cref="LookBack"/>. Otherwise nothing older than <see cref="LookBack"/> can change the standing.
    /// </summary>
    public static bool NeedsFullLookBack(GuardrailContext context, GuardrailSettings settings, Instant now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var s3 = settings[S3];
        var end = Guardrails.LowerBound(context.History, now + Duration.Epsilon, context.History.Count);
        return s3.Enabled && S3LostTolerance.MayStand(context.History, end, s3, now);
    }

    /// <summary>Computes the standing at <paramref name="now"/>; doses logged at <paramref name="now"/> count as taken.</summary>
    public static StandingReport Compute(GuardrailContext context, GuardrailSettings settings, Instant now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var all = context.History;
        var end = Guardrails.LowerBound(all, now + Duration.Epsilon, all.Count);
        var history = new HistorySlice(all, Guardrails.LowerBound(all, now - LookBack(settings), end), end);
        var days = context.Days;
        var today = days.DayOf(now);
        var advisories = new List<Advisory>();

        // Safety first: what stands until its window has passed (S1), after a dose following a pause (S3), and today's opioid total (S5).
        var s1 = settings[S1];
        if (s1.Enabled && S1.StandingAt(context, history, s1, now) is { } combined)
        {
            advisories.Add(combined);
        }
        var s3 = settings[S3];
        if (s3.Enabled)
        {
            advisories.AddRange(S3.StandingAt(context, all, end, s3, now));
        }
        var s5 = settings[S5];
        if (s5.Enabled && S5.StandingAt(context, history, history.Count, s5, now) is { } high)
        {
            advisories.Add(high);
        }

        // R1: the last kratom dose and when it wears off.
        DoseFact? last = null;
        string? lastStrain = null;
        for (var i = history.Count - 1; i >= 0 && lastStrain is null; i--)
        {
            if (history[i].Kind == ProductKind.Kratom)
            {
                last ??= history[i];
                lastStrain = string.IsNullOrWhiteSpace(history[i].Strain) ? null : history[i].Strain;
            }
        }
        var r1 = settings[R1];
        Instant? wearsOff = last is null ? null : last.TakenAt + R1.LookBack(r1);
        if (r1.Enabled && last is not null && wearsOff > now)
        {
            advisories.Add(new Advisory(
                R1.Definition.Id,
                AdvisoryLevel.Info,
                "Last dose still working",
                $"Your last kratom dose at {RuleText.When(days, last.TakenAt, now)} wears off at {RuleText.When(days, wearsOff.Value, now)} ({RuleText.Number(r1[R1WearOff.Interval])} h).",
                R1.Definition.Why,
                R1.Definition.Source,
                $"If you can, wait until {RuleText.When(days, wearsOff.Value, now)} before another dose."));
        }

        // R2: the strain to rotate to, from the same days R2 looks at.
        var r2Start = Guardrails.LowerBound(all, now - R2.LookBack(settings[R2]), end);
        var suggested = StrainRotation.Suggest(context.Stock, new HistorySlice(all, r2Start, end), lastStrain);

        // R3: the last kratom-free day, and whether there has been none lately.
        var r3 = settings[R3];
        var n = Spans.Whole(r3[R3TakeBreaks.Days]);
        var withKratom = KratomDays.In(days, history, today.PlusDays(-n), today);
        LocalDate? free = null;
        int? since = null;
        for (var k = 1; k <= n; k++)
        {
            if (!withKratom.Contains(today.PlusDays(-k)))
            {
                free = today.PlusDays(-k);
                since = k;
                break;
            }
        }
        // Today counts only once it has kratom: until then it may still be kratom-free.
        if (r3.Enabled && withKratom.Contains(today) && (since is null || since >= n))
        {
            advisories.Add(R3.NoFreeDay(context, n, today.PlusDays(-(n - 1)), today, "counting today"));
        }

        // S2: the tolerance trend per kind.
        var s2 = settings[S2];
        var trends = new List<ToleranceTrend>();
        foreach (var kind in (ReadOnlySpan<ProductKind>)[ProductKind.Kratom, ProductKind.Opioid])
        {
            var numbers = S2RisingTolerance.Compute(context, history, s2, kind, today, 0m);
            if (!numbers.HasData)
            {
                continue;
            }
            var rising = ToleranceMath.Rising(numbers, s2[S2RisingTolerance.Rise]);
            trends.Add(new ToleranceTrend(
                kind,
                NormalUnits.For(kind),
                Math.Round(numbers.Recent, 4, MidpointRounding.AwayFromZero),
                Math.Round(numbers.Baseline, 4, MidpointRounding.AwayFromZero),
                ToleranceMath.PercentChange(numbers),
                rising));
            if (s2.Enabled && rising)
            {
                advisories.Add(S2.Rising(kind, numbers, s2));
            }
        }

        return new StandingReport(
            last?.TakenAt,
            wearsOff,
            suggested,
            free,
            since,
            CurrentOrNextBreak(context.Breaks, today),
            trends,
            advisories.OrderByDescending(a => a.Level).ToList(),
            WearOffs(context, history, r1, now));
    }

    /// <summary>Each substance's last dose in the last day, newest first; only kratom has a sourced duration (R1's interval).</summary>
    private static List<SubstanceWearOff> WearOffs(GuardrailContext context, HistorySlice history, RuleSetting r1, Instant now)
    {
        var result = new List<SubstanceWearOff>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = history.Count - 1; i >= 0 && now - history[i].TakenAt < WearOffWindow; i--)
        {
            var d = history[i];
            var substance = Substance.Of(d);
            if (!seen.Add(substance.Key))
            {
                continue;
            }
            var label = substance.Key.Contains("-product:", StringComparison.Ordinal)
                ? context.Stock.FirstOrDefault(p => p.ProductId == d.ProductId)?.Name ?? substance.Label
                : substance.Label;
            result.Add(d.Kind == ProductKind.Kratom
                ? new SubstanceWearOff(label, d.Kind, d.TakenAt, d.TakenAt + R1.LookBack(r1), R1.Definition.Source)
                : new SubstanceWearOff(label, d.Kind, d.TakenAt, null, null));
        }
        return result;
    }

    private static BreakPeriod? CurrentOrNextBreak(IReadOnlyList<BreakPeriod> breaks, LocalDate today)
    {
        BreakPeriod? best = null;
        foreach (var b in breaks)
        {
            if (b.To >= today && (best is null || b.From < best.From))
            {
                best = b;
            }
        }
        return best;
    }
}
