namespace Wane.Domain.CheckIns;

/// <summary>Where to turn, shown at once when a red flag is reported.</summary>
/// <param name="Id">Stable id: "emergency", "988" or "clinician".</param>
/// <param name="Name">Who to contact, e.g. "988 Suicide &amp; Crisis Lifeline".</param>
/// <param name="Action">What to do now, e.g. "Call or text 988 now".</param>
/// <param name="Why">Why this resource, for the flags reported.</param>
public sealed record CrisisResource(string Id, string Name, string Action, string Why);
