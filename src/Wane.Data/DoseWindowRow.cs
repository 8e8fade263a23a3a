using NodaTime;
using Wane.Domain.Journal;
using Wane.Domain.Units;

namespace Wane.Data;

/// <summary>A dose's own columns, as the guardrails read them for a window of history.</summary>
public sealed record DoseWindowRow(
    Instant TakenAt,
    long ProductId,
    ProductKind Kind,
    decimal Amount,
    DoseUnit Unit,
    decimal? NormalizedAmount,
    NormalUnit? NormalizedUnit,
    NormalizationNote? NormalizationNote,
    MealTiming? Meal,
    DoseReason? Reason,
    int? PainBefore);
