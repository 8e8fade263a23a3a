using NodaTime;

namespace Wane.Data.Entities;

/// <summary>A scheduled break from kratom: local dates, both inclusive.</summary>
public class Break
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public LocalDate From { get; set; }
    public LocalDate To { get; set; }
    public string? Note { get; set; }
    public Instant CreatedAt { get; set; }
}
