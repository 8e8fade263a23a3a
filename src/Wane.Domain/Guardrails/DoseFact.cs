using NodaTime;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using Wane.Domain.Units;

namespace Wane.Domain.Guardrails;

/// <summary>A dose (past, or the candidate) as the rules see it: when, what product, how much.</summary>
public sealed record DoseFact(
    Instant TakenAt,
    long ProductId,
    ProductKind Kind,
    string? Strain,
    string? Batch,
    OpioidName? Opioid,
    OtherClass? OtherClass,
    bool Concentrated7OH,
    Amount Amount,
    Normalized? Normalized,
    NormalizationNote? NormalizationNote,
    MealTiming? Meal,
    DoseReason? Reason,
    int? PainBefore);
