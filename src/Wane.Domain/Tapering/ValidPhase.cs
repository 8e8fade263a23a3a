namespace Wane.Domain.Tapering;

/// <summary>A phase request that passed validation, with what validation worked out.</summary>
/// <param name="Index">The phase's position in the request.</param>
/// <param name="Substance">"kratom" or the opioid's wire name.</param>
/// <param name="IsOpioid">Whether the substance is an opioid (CDC checks apply).</param>
/// <param name="Request">The request itself.</param>
/// <param name="Resolution">The effective resolution: the resolution, or half of it when splittable.</param>
internal sealed record ValidPhase(int Index, string Substance, bool IsOpioid, PhaseRequest Request, decimal Resolution);
