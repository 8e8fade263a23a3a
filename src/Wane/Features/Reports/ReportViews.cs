namespace Wane.Features.Reports;

/// <summary>
/// One step of the plan in the period: its target, and what the days it covered show against it. <c>DaysCounted</c>:
/// days of the step inside the period and not after today; <c>DaysAtOrUnder</c>: of those, the days whose total was at
/// or under the target; <c>MeanActual</c>: the mean daily total over them in the step's unit (null when none).
/// </summary>
public sealed record ReportStepView(int Phase, string Substance, string Unit, string From, string To, decimal Target,
    int DaysCounted, int DaysAtOrUnder, decimal? MeanActual, int DaysHeld);

/// <summary>
/// One local day: the totals as logged, the plan's target, whether held, and the figure the chart draws: the total in the
/// target's unit (or, without a target, the first kind's total) with its unit.
/// </summary>
public sealed record ReportDayView(string Date, string Totals, decimal? Target, decimal Actual, string? Unit, bool Held);

/// <summary>A SOWS or COWS score with its band and where the scale and the band come from.</summary>
public sealed record ReportScoreView(string Date, string Time, string Instrument, int Score, int? Max, string? Band, string? Source, string? BandSource);

/// <summary>A daily check-in's ratings (0–10, self-rated).</summary>
public sealed record ReportRatingView(string Date, string Time, int? Pain, int? Sleep, int? Mood, int? Craving);

/// <summary>Red flags reported on a day.</summary>
public sealed record ReportRedFlagView(string Date, string Time, IReadOnlyList<string> Flags);

/// <summary>A hold of the plan, by the person (with their reason) or by withdrawal scores.</summary>
public sealed record ReportHoldView(string From, string? To, string Kind, string Reason);

/// <summary>A danger Wane warned about for a dose of the period (S1 combinations, S3 lost tolerance).</summary>
public sealed record ReportDangerView(string Date, string Time, string Rule, string Level, string Title, string Message, string Source);

/// <summary>
/// The report for the appointment: a period of the person's own record, every figure with its source.
/// It never recommends a dose.
/// </summary>
public sealed record ReportView(
    string From,
    string To,
    string GeneratedAt,
    string? PlanSummary,
    IReadOnlyList<ReportStepView> Steps,
    IReadOnlyList<ReportDayView> Days,
    IReadOnlyList<ReportScoreView> Scores,
    IReadOnlyList<ReportRatingView> Ratings,
    IReadOnlyList<ReportRedFlagView> RedFlags,
    IReadOnlyList<ReportHoldView> Holds,
    IReadOnlyList<ReportDangerView> Dangers,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Limits)
{
    public const string DosesSource = "Daily totals: your dose log in Wane (self-reported), added up per local day as on each day's page.";
    public const string TargetSource = "Targets: the schedule of your active taper plan in Wane, made from the amounts and pace you chose (Wane's method: docs, tapering.md).";
    public const string RatingsSource = "Pain, sleep, mood and craving: your daily check-ins in Wane, self-rated 0–10.";
    public const string DangerSource = "Dangers: Wane's guardrail rules S1 (dangerous combinations) and S3 (lost tolerance), evaluated again for each dose of the period with your current rule settings.";
    public const string SowsBandNote = "SOWS bands are those used in NIDA CTN research, not clinical cut-offs.";

    /// <summary>The limits of the data, said on every report.</summary>
    public static readonly IReadOnlyList<string> LimitsOfData =
    [
        "Everything here is self-reported: doses, check-ins and red flags are what the person entered in Wane.",
        "SOWS and COWS were not validated for kratom withdrawal; their scores are a guide, not a diagnosis.",
        "Kratom is not an approved treatment for opioid use disorder or pain.",
        "This report describes what was recorded. It is not medical advice and recommends no dose.",
    ];
}
