using NodaTime;

namespace Wane.Data.Entities;

/// <summary>A pause in a plan: from a local date until resumed (To is the last held day; null while still held).</summary>
public class PlanHold
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public long PlanId { get; set; }
    public LocalDate From { get; set; }
    public LocalDate? To { get; set; }
    public string? Reason { get; set; }
    public Instant CreatedAt { get; set; }
}
