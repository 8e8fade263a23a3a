using System.Globalization;

namespace Wane.Domain.CheckIns;

/// <summary>
/// Suggests holding the current taper step when SOWS scores during the plan are high or rising
/// (DESIGN.md, "Tapering": holds when withdrawal scores rise; the person can override).
/// </summary>
public static class HoldRule
{
    private const int BaselineReadings = 3;

    /// <summary>
    /// Decides from the SOWS readings taken during the plan (any order; ordered here by
    /// <see cref="SowsReading.TakenAt"/>). The baseline is the median of the first three; with
    /// fewer than three only the threshold applies. Hold when the latest total is at least
    /// <see cref="HoldSettings.Threshold"/>, or at least <see cref="HoldSettings.Rise"/> above the
    /// baseline. Only the latest reading decides: an earlier high score followed by a lower one
    /// suggests no hold. No readings, no hold.
    /// </summary>
    public static HoldDecision Decide(IReadOnlyList<SowsReading> readingsDuringPlan, HoldSettings settings)
    {
        ArgumentNullException.ThrowIfNull(readingsDuringPlan);
        ArgumentNullException.ThrowIfNull(settings);
        var max = Instruments.Sows.MaxTotal;
        Guard.InRange(settings.Threshold, 1, max, "settings.Threshold");
        Guard.InRange(settings.Rise, 1, max, "settings.Rise");
        foreach (var r in readingsDuringPlan)
        {
            Guard.NotNull(r, "readingsDuringPlan[i]");
            Guard.InRange(r.Total, 0, max, "readingsDuringPlan[i].Total");
        }
        if (readingsDuringPlan.Count == 0)
        {
            return new HoldDecision(false, null, null, null);
        }

        // OrderBy is stable: readings taken at the same instant keep the order given.
        var ordered = readingsDuringPlan.OrderBy(r => r.TakenAt).ToArray();
        var latest = ordered[^1];
        int? baseline = ordered.Length >= BaselineReadings
            ? ordered.Take(BaselineReadings).Select(r => r.Total).Order().ElementAt(BaselineReadings / 2)
            : null;

        var reasons = new List<string>();
        if (latest.Total >= settings.Threshold)
        {
            reasons.Add(Inv($"at or above your hold threshold of {settings.Threshold}"));
        }
        if (baseline is { } b && latest.Total >= b + settings.Rise)
        {
            reasons.Add(Inv($"{latest.Total - b} points above your baseline of {b} (the median of your first three SOWS during this plan; a rise of {settings.Rise} or more suggests a hold)"));
        }
        if (reasons.Count == 0)
        {
            return new HoldDecision(false, null, baseline, latest.Total);
        }

        var band = Instruments.Sows.BandFor(latest.Total);
        var date = latest.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        var reason = Inv($"Your latest SOWS, {latest.Total} of {max} on {date} (\"{band?.Name}\" in the bands used in NIDA CTN research, not clinical cut-offs), is {string.Join(", and ", reasons)}. Consider holding your current step until it settles; you can override this. {Instruments.KratomNote}");
        return new HoldDecision(true, reason, baseline, latest.Total);
    }

    /// <summary>
    /// Whether a latest total suggests a hold, with the baseline (null with fewer than three readings): the two
    /// conditions of <see cref="Decide"/>, for replaying a plan's days without building a reason for each.
    /// </summary>
    internal static bool Holds(int latest, int? baseline, HoldSettings settings) =>
        latest >= settings.Threshold || (baseline is { } b && latest >= b + settings.Rise);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
