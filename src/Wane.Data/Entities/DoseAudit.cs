using NodaTime;

namespace Wane.Data.Entities;

/// <summary>One change to a dose: when, what kind of change, and the dose before and after (JSON).</summary>
public class DoseAudit
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public long DoseId { get; set; }
    public Instant At { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }

    /// <summary>
    /// On a deletion, the deleted dose's client id: an offline client's retry of the original POST must
    /// learn the dose was deleted (410) rather than bring it back.
    /// </summary>
    public Guid? ClientId { get; set; }
}
