using NodaTime;

namespace Wane.Data.Entities;

/// <summary>A person's guardrail settings as JSON (rule id → enabled and values); absent means defaults.</summary>
public class GuardrailSettingsRow
{
    public required string UserId { get; set; }
    public required string Json { get; set; }
    public Instant UpdatedAt { get; set; }
}
