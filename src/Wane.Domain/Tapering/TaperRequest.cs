namespace Wane.Domain.Tapering;

/// <summary>A whole taper: one or more phases (e.g. an opioid, then kratom), and any holds.</summary>
/// <param name="Phases">The phases, each planned from its own start date; they may overlap.</param>
/// <param name="Holds">Pauses; each applies to every phase that is running on its first day.</param>
public sealed record TaperRequest(IReadOnlyList<PhaseRequest> Phases, IReadOnlyList<Hold>? Holds = null);
