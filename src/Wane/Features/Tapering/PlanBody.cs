using Wane.Features.Common;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using NodaTime;
using Wane.Domain;
using Wane.Domain.Opioids;
using Wane.Domain.Tapering;
using Wane.Domain.Time;

namespace Wane.Features.Tapering;

/// <summary>A pace: <c>{ "kind": "linear", "amount": 0.5 }</c>, <c>{ "kind": "percent", "percent": 10 }</c>, <c>{ "kind": "cdc-short" }</c>, <c>{ "kind": "steps", "amounts": [...] }</c>.</summary>
public sealed record PaceBody([property: Required, OneOf(typeof(PaceKind))] string? Kind, decimal? Amount, decimal? Percent, IReadOnlyList<decimal>? Amounts);

/// <summary>
/// One phase of a plan. <c>startAmount</c> defaults to the person's own average of the last 7 days
/// (never a suggested dose); <c>startDate</c> to today; <c>intervalDays</c> to 7; <c>dosesPerDay</c> to 1;
/// <c>resolution</c> to 0.1 g or 1 MME/mg.
/// </summary>
public sealed record PhaseBody(
    [property: OneOf(typeof(OpioidName), null, TaperPlanner.Kratom)] string? Substance,
    decimal? StartAmount,
    [property: OneOf(typeof(PlanUnits), nameof(PlanUnits.All))] string? Unit,
    PaceBody? Pace,
    int? IntervalDays,
    int? DosesPerDay,
    decimal? Resolution,
    bool? Splittable,
    [property: DataType(DataType.Date)] string? StartDate,
    string? Duration);

/// <summary>A plan request: one phase's fields at the top level, or several in <c>phases</c>.</summary>
public sealed record PlanBody(
    [property: OneOf(typeof(OpioidName), null, TaperPlanner.Kratom)] string? Substance,
    decimal? StartAmount,
    [property: OneOf(typeof(PlanUnits), nameof(PlanUnits.All))] string? Unit,
    PaceBody? Pace,
    int? IntervalDays,
    int? DosesPerDay,
    decimal? Resolution,
    bool? Splittable,
    [property: DataType(DataType.Date)] string? StartDate,
    string? Duration,
    IReadOnlyList<PhaseBody>? Phases)
{
    /// <summary>The phases asked for (the top-level fields are the single phase when <c>phases</c> is absent).</summary>
    public IReadOnlyList<PhaseBody> AllPhases() =>
        Phases is { Count: > 0 } ? Phases : [new PhaseBody(Substance, StartAmount, Unit, Pace, IntervalDays, DosesPerDay, Resolution, Splittable, StartDate, Duration)];
}

/// <summary>Turning request bodies into planner requests: parse words and dates, fill defaults, name bad fields.</summary>
internal static class PlanRequests
{
    public const int MaxPhases = 4;

    public static PaceKind? ParsePace(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "linear" => PaceKind.Linear,
        "percent" => PaceKind.Percent,
        "cdc-short" => PaceKind.CdcShort,
        "steps" => PaceKind.Steps,
        _ => null,
    };

    public static string PaceName(PaceKind k) => k switch
    {
        PaceKind.Linear => "linear",
        PaceKind.Percent => "percent",
        PaceKind.CdcShort => "cdc-short",
        _ => "steps",
    };

    /// <summary>
    /// Resolves a phase: parse, default, and collect errors under <paramref name="prefix"/>. The start
    /// amount, when absent, comes from <paramref name="recentAverage"/> (the person's own journal).
    /// </summary>
    public static PhaseRequest? Resolve(PhaseBody body, string prefix, LocalDate today, Func<string, PlanUnit, decimal?> recentAverage, List<FieldError> errors)
    {
        var substance = body.Substance?.Trim().ToLowerInvariant();
        var isKratom = substance == "kratom";
        var isOpioid = WireName.TryParse<OpioidName>(substance, out _);
        if (!isKratom && !isOpioid)
        {
            errors.Add(new(prefix + "substance", "Use \"kratom\" or one of: " + string.Join(", ", WireName.All<OpioidName>()) + "."));
            return null;
        }
        PlanUnit? unit = (body.Unit?.Trim(), isKratom) switch
        {
            (null or "", true) or ("g", true) => PlanUnit.Grams,
            (null or "", false) or ("MME" or "mme", false) => PlanUnit.Mme,
            ("mg", false) => PlanUnit.Milligrams,
            _ => null,
        };
        if (unit is null)
        {
            errors.Add(new(prefix + "unit", isKratom ? "A kratom plan is in grams: \"g\"." : "An opioid plan is in \"MME\" or in \"mg\" of that opioid."));
            return null;
        }
        var start = body.StartAmount ?? recentAverage(substance!, unit.Value);
        if (start is null)
        {
            errors.Add(new(prefix + "startAmount", "There are no doses in the last 7 days to average. Enter the amount you take each day now (or the one your clinician gives you)."));
        }
        var pace = ParsePace(body.Pace?.Kind);
        if (pace is null)
        {
            errors.Add(new(prefix + "pace.kind", "Use \"linear\", \"percent\", \"cdc-short\" or \"steps\"."));
        }
        var startDate = today;
        if (!string.IsNullOrWhiteSpace(body.StartDate))
        {
            if (TimeText.ParseDate(body.StartDate) is { } d)
            {
                startDate = d;
            }
            else
            {
                errors.Add(new(prefix + "startDate", "Use a date like 2026-12-01 (YYYY-MM-DD)."));
            }
        }
        var duration = body.Duration?.Trim().ToLowerInvariant() switch
        {
            null or "" or "unknown" => UseDuration.Unknown,
            "weeks-to-months" => UseDuration.WeeksToMonths,
            "year-or-more" => UseDuration.YearOrMore,
            _ => (UseDuration?)null,
        };
        if (duration is null)
        {
            errors.Add(new(prefix + "duration", "Use \"weeks-to-months\", \"year-or-more\" or leave it empty."));
        }
        if (start is null || pace is null || duration is null)
        {
            return null;
        }
        return new PhaseRequest(
            substance, start.Value, unit.Value,
            new Pace(pace.Value, body.Pace!.Amount, body.Pace.Percent, body.Pace.Amounts),
            body.IntervalDays ?? 7, body.DosesPerDay ?? 1,
            body.Resolution ?? (unit == PlanUnit.Grams ? 0.1m : 1m),
            body.Splittable ?? false, startDate, duration.Value);
    }

    /// <summary>A resolved phase written back as a body with every value explicit (what is stored).</summary>
    public static PhaseBody ToBody(PhaseRequest p) => new(
        p.Substance, p.StartAmount, p.Unit.Name(),
        new PaceBody(PaceName(p.Pace.Kind), p.Pace.Amount, p.Pace.Percent, p.Pace.Amounts),
        p.IntervalDays, p.DosesPerDay, p.Resolution, p.Splittable, TimeText.Format(p.StartDate),
        p.Duration switch { UseDuration.WeeksToMonths => "weeks-to-months", UseDuration.YearOrMore => "year-or-more", _ => null });

    public static string Describe(PhaseRequest p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Substance} from {Common.Fmt.Num(p.StartAmount)} {p.Unit.Name()}/day, {PaceName(p.Pace.Kind)}{(p.Pace.Percent is { } pc ? $" {Common.Fmt.Num(pc)}%" : "")}{(p.Pace.Amount is { } a ? $" {Common.Fmt.Num(a)} {p.Unit.Name()}" : "")} every {p.IntervalDays} days");
}
