using Wane.Features.Guardrails;
using System.ComponentModel.DataAnnotations;
using Wane.Features.Common;
using Wane.Features.Journal;
using Wane.Features.Reports;

namespace Wane.Features.Sharing;

/// <summary>Today for one phase of the plan: the target and next step-down; what was taken and is left only with "doses".</summary>
public sealed record SharedTodayPlanView(int Phase, string Substance, decimal Target, string Unit, string? NextStepDown, bool Held, decimal? Taken, decimal? Left);

/// <summary>
/// Where the person stands today, as a share allows: each part is null when its scope was not shared
/// (<c>plan</c>: today's plan and whether it is held; <c>checkins</c>: the last check-in's day; <c>doses</c>: the last
/// dose, today's totals and the dangers standing now).
/// </summary>
public sealed record SharedStatusView(
    long ShareId,
    string Owner,
    [property: OneOf(typeof(ShareScope))] IReadOnlyList<string> Scopes,
    bool MayEnterCows,
    [property: DataType(DataType.Date)] string Date,
    IReadOnlyList<SharedTodayPlanView>? Plan,
    bool? Held,
    [property: DataType(DataType.Date)] string? LastCheckIn,
    LastDoseView? LastDose,
    IReadOnlyList<TodayTotalView>? Totals,
    IReadOnlyList<AdvisoryView>? Advisories);

/// <summary>A day of the plan: its target, whether held; whether the total was at or under target, and the total itself only with "doses".</summary>
public sealed record SharedPlanDayView([property: DataType(DataType.Date)] string Date, decimal? Target, string? Unit, bool Held, bool? AtOrUnder, decimal? Actual);

/// <summary>The plan and adherence over a period (scope "plan"): steps (mean totals only with "doses"), holds (the person's reasons only with "notes"), days.</summary>
public sealed record SharedPlanView(
    [property: DataType(DataType.Date)] string From,
    [property: DataType(DataType.Date)] string To,
    string? Summary,
    [property: DataType(DataType.Date)] string? Start,
    [property: DataType(DataType.Date)] string? End,
    IReadOnlyList<SharedTodayPlanView> Today,
    IReadOnlyList<ReportStepView> Steps,
    IReadOnlyList<ReportHoldView> Holds,
    IReadOnlyList<SharedPlanDayView> Days,
    IReadOnlyList<string> Sources);

/// <summary>A check-in as a viewer sees it: the note only with "notes"; <c>enteredBy</c> names the viewer who entered it (a COWS), else null.</summary>
public sealed record SharedCheckInView(
    long Id,
    [property: OneOf(typeof(Domain.CheckIns.InstrumentKind))] string Instrument,
    [property: DataType(DataType.DateTime)] string TakenAt,
    [property: DataType(DataType.Date)] string LocalDate,
    string LocalTime,
    int? Score, int? Max, string? Band, string? Severity, string? Source, string? BandSource, string? KratomNote,
    int? Pain, int? Sleep, int? Mood, int? Craving, string? Note,
    IReadOnlyList<string> RedFlags,
    string? EnteredBy);

/// <summary>Check-ins and red flags over a period (scope "checkins").</summary>
public sealed record SharedCheckInsView(
    [property: DataType(DataType.Date)] string From,
    [property: DataType(DataType.Date)] string To,
    IReadOnlyList<SharedCheckInView> CheckIns,
    IReadOnlyList<ReportRedFlagView> RedFlags,
    IReadOnlyList<string> Limits);

/// <summary>A dose as a viewer sees it: the note only with "notes".</summary>
public sealed record SharedDoseView(
    [property: DataType(DataType.DateTime)] string TakenAt,
    [property: DataType(DataType.Date)] string LocalDate,
    string LocalTime, string Product, string Kind, decimal Amount, string Unit, string? Note);

/// <summary>Doses, their amounts and times, and the dangers Wane warned about over a period (scope "doses").</summary>
public sealed record SharedDosesView(
    [property: DataType(DataType.Date)] string From,
    [property: DataType(DataType.Date)] string To,
    IReadOnlyList<SharedDoseView> Doses,
    IReadOnlyList<ReportDangerView> Dangers,
    IReadOnlyList<string> Sources);

/// <summary>A COWS entered by a viewer allowed to (an account share with mayEnterCows): the 11 item scores in order.</summary>
public sealed record SharedCowsBody(
    [property: Required, OneOf(typeof(Domain.CheckIns.InstrumentKind))] string? Instrument,
    [property: DataType(DataType.DateTime)] string? TakenAt,
    [property: Required] System.Text.Json.JsonElement? Answers);

/// <summary>
/// One person who shared with me, for the staff list: each figure is null when its scope was not shared. <c>held</c>
/// (plan): the plan is held today; <c>planEndsSoon</c> (plan): the plan's last day is within a week either side of today
/// (the lost-tolerance moment); <c>redFlagLast7Days</c> (checkins); <c>notCheckedIn</c> (checkins): no check-in for
/// <c>days</c> days or more (or none at all).
/// </summary>
public sealed record SharedSummaryView(
    long ShareId,
    string Owner,
    [property: OneOf(typeof(ShareScope))] IReadOnlyList<string> Scopes,
    bool MayEnterCows,
    [property: DataType(DataType.DateTime)] string Since,
    [property: DataType(DataType.DateTime)] string? ExpiresAt,
    bool? Held,
    [property: DataType(DataType.Date)] string? PlanEnd,
    bool? PlanEndsSoon,
    bool? RedFlagLast7Days,
    [property: DataType(DataType.Date)] string? LastRedFlag,
    [property: DataType(DataType.Date)] string? LastCheckIn,
    int? DaysSinceCheckIn,
    bool? NotCheckedIn);

/// <summary>The people who shared with me, with <c>days</c> the check-in gap asked about.</summary>
public sealed record SharedListView(int Days, IReadOnlyList<SharedSummaryView> People);
