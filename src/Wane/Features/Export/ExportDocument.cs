using System.Text.Json;

namespace Wane.Features.Export;

// The records of Wane's export format (docs/export-format.md, docs/export.schema.json). They are
// the format, not the database: a column can be renamed without changing a person's export.

/// <summary>The person, as exported: who they are and how their days are counted.</summary>
public sealed record ExportProfile(string Name, string TimeZone, int DayStartHour, string PreferredUnit, int HoldThreshold, int HoldRise, string CreatedAt);

/// <summary>A product of the stash.</summary>
public sealed record ExportProduct(
    long Id, string Name, string Kind, string? Strain, string Form, string? Opioid, string? OtherClass,
    decimal? GramsPerCapsule, decimal? GramsPerTeaspoon, decimal? MgPerTablet, decimal? MgPerMl,
    bool Concentrated7OH, bool InStock, string? Batch, IReadOnlyList<ExportFavourite> Favourites, string CreatedAt, string UpdatedAt,
    string? ArchivedAt = null);

/// <summary>A favourite amount of a product (a one-tap choice when logging).</summary>
public sealed record ExportFavourite(decimal Amount, string Unit);

/// <summary>A dose as recorded, with its normalized amount.</summary>
public sealed record ExportDose(
    long Id, long ProductId, string Kind, decimal Amount, string Unit, string TakenAt,
    string? Meal, string? Reason, int? PainBefore, string? Note, Guid? ClientId,
    decimal? NormalizedAmount, string? NormalizedUnit, string? NormalizationNote, string CreatedAt, string UpdatedAt);

/// <summary>One entry of a dose's audit trail (also for doses since deleted).</summary>
public sealed record ExportDoseChange(long Id, long DoseId, string At, string Action, JsonElement? Before, JsonElement? After);

/// <summary>A scheduled break from kratom (local dates, inclusive).</summary>
public sealed record ExportBreak(long Id, string From, string To, string? Note, string CreatedAt);

/// <summary>A taper plan: the request it was made from (the schedule is recomputed from it), its status and holds.</summary>
public sealed record ExportPlan(long Id, string Status, JsonElement Request, long? ReplacesPlanId, string CreatedAt, string? EndedAt, IReadOnlyList<ExportHold> Holds);

/// <summary>A hold on a plan (local dates; no end while it lasts).</summary>
public sealed record ExportHold(long Id, string From, string? To, string? Reason, string CreatedAt);

/// <summary>A check-in with its answers as given.</summary>
public sealed record ExportCheckIn(
    long Id, string Instrument, string TakenAt, JsonElement Answers, int? Score, string? Band,
    IReadOnlyList<string> RedFlags, string? HoldOverriddenAt, string CreatedAt);
