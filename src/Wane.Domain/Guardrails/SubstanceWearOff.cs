using NodaTime;
using Wane.Domain.Journal;

namespace Wane.Domain.Guardrails;

/// <summary>One substance's last dose in the last day, and when its effects should have worn off.</summary>
/// <param name="Substance">How Wane names it: "kratom", "oxycodone", "alcohol", or the product's name.</param>
/// <param name="Kind">Kratom, opioid or other.</param>
/// <param name="LastDose">When its last dose was taken.</param>
/// <param name="WearsOffAt">
/// The last dose plus a sourced duration; null when Wane has no sourced figure for the substance
/// (only kratom's reported 2–6 h are in Wane's reference), and a host says so rather than guess.
/// </param>
/// <param name="Source">Where the duration comes from; null with no duration.</param>
public sealed record SubstanceWearOff(string Substance, ProductKind Kind, Instant LastDose, Instant? WearsOffAt, Source? Source);
