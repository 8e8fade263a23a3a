namespace Wane.Domain.Tapering;

/// <summary>A whole taper: one or more phases (e.g. an opioid, then kratom), and any holds.</summary>
/// <param name="Phases">The phases, each planned from its own start date; they may overlap.</param>
/// <param name="Holds">Pauses of the whole plan (see <see cref="Hold"/>); each must start on or after the plan's start and before its end.</param>
public sealed record TaperRequest(IReadOnlyList<PhaseRequest> Phases, IReadOnlyList<Hold>? Holds = null);
