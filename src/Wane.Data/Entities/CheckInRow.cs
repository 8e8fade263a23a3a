using NodaTime;
using Wane.Domain.CheckIns;

namespace Wane.Data.Entities;

/// <summary>A check-in: a SOWS or COWS score, or a daily check-in, with its answers (JSON) and red flags.</summary>
public class CheckInRow
{
    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>Stored under its wire name ("sows", "cows", "daily").</summary>
    public required InstrumentKind Instrument { get; set; }
    public Instant TakenAt { get; set; }
    public required string AnswersJson { get; set; }
    public int? Score { get; set; }
    public string? Band { get; set; }

    /// <summary>Red flags raised, as wire names separated by commas.</summary>
    public string? RedFlags { get; set; }

    /// <summary>When the person chose to go on with the taper despite the hold this SOWS caused.</summary>
    public Instant? HoldOverriddenAt { get; set; }
    public Instant CreatedAt { get; set; }

    /// <summary>
    /// The share through which a viewer entered this check-in (a COWS), or null when the person entered it. No foreign key:
    /// when the viewer's account is deleted the share goes, and the check-in still says it was entered by someone else.
    /// </summary>
    public long? EnteredByShareId { get; set; }
}
