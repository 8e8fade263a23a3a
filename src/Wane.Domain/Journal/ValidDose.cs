using NodaTime;
using Wane.Domain.Units;

namespace Wane.Domain.Journal;

/// <summary>A dose that passed <see cref="DoseRules.Validate"/>, with its normalized amount.</summary>
public sealed record ValidDose(
    Amount Amount,
    Instant TakenAt,
    MealTiming? Meal,
    DoseReason? Reason,
    int? PainBefore,
    string? Note,
    Normalized? Normalized,
    NormalizationNote? NormalizationNote);
