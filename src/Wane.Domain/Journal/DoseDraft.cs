using NodaTime;

namespace Wane.Domain.Journal;

/// <summary>A dose as entered, before validation. Strings are wire names; a null time means "now".</summary>
public sealed record DoseDraft(
    decimal? Amount,
    string? Unit,
    Instant? TakenAt,
    string? Meal,
    string? Reason,
    int? PainBefore,
    string? Note);
