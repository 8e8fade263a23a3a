using NodaTime;

namespace Wane.Domain.Guardrails;

/// <summary>A scheduled break from kratom: local dates, both inclusive (R3).</summary>
public sealed record BreakPeriod(LocalDate From, LocalDate To)
{
    /// <summary>Whether a local date falls in the break.</summary>
    public bool Contains(LocalDate date) => date >= From && date <= To;
}
