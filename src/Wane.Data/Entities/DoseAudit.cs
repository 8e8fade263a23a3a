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
}
