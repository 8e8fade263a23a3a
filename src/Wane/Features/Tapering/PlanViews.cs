using System.ComponentModel.DataAnnotations;
using Wane.Domain.Tapering;
using Wane.Domain.Time;
using Wane.Features.Guardrails;

namespace Wane.Features.Tapering;

/// <summary>One step of a schedule: local dates (inclusive) and the targets; <c>longerByRounding</c> when rounding merged several intervals into it.</summary>
public sealed record StepView(string From, string To, decimal DailyTarget, decimal PerDoseTarget, bool LongerByRounding = false)
{
    internal static StepView Of(TaperStep s) => new(TimeText.Format(s.From), TimeText.Format(s.To), s.DailyTarget, s.PerDoseTarget);
}

/// <summary>One phase: its substance, unit, request and schedule; <c>roundingNote</c> says why some steps last longer, when they do.</summary>
public sealed record PhaseView(int Index, string Substance, string Unit, string Description, IReadOnlyList<StepView> Steps, string End, string? RoundingNote = null);

/// <summary>A pause: from a local date until resumed (<c>to</c> is null while still held).</summary>
public sealed record HoldView(long Id, string From, string? To, string? Reason);

/// <summary>Today for one phase: the allowance, what has been taken and what is left, the next step-down.</summary>
public sealed record TodayPlanView(int Phase, string Date, string Substance, decimal Allowance, string Unit, decimal Taken, decimal Left, string? NextStepDown, bool Held, string? HoldReason);

/// <summary>One day of adherence: the target against what was taken.</summary>
public sealed record AdherenceView(int Phase, string Date, decimal Target, decimal Actual, bool Held);

/// <summary>
/// A plan: its schedule (<c>steps</c> is the first phase's, for one-phase plans), advisories, holds, today and adherence.
/// <c>calendarFeedSince</c> is when the calendar feed URL was made (null: none yet); the URL itself is shown only when made.
/// </summary>
public sealed record PlanView(
    long? Id,
    string Status,
    string Start,
    string End,
    IReadOnlyList<StepView> Steps,
    IReadOnlyList<PhaseView> Phases,
    IReadOnlyList<AdvisoryView> Advisories,
    IReadOnlyList<HoldView> Holds,
    IReadOnlyList<TodayPlanView> Today,
    IReadOnlyList<AdherenceView> Adherence,
    string? CalendarFeedSince);

/// <summary>A hold request: from a local date (default today), with an optional reason.</summary>
public sealed record HoldBody([property: DataType(DataType.Date)] string? From, string? Reason);
