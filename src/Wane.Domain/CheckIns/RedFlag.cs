using System.Diagnostics.CodeAnalysis;

namespace Wane.Domain.CheckIns;

/// <summary>
/// Something reported in a check-in that is not a score and needs its own response at once.
/// Wire names: "self-harm", "seizure", "fainting", "chest-pain", "breathing", "confusion", "liver".
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "\"Red flag\" is the clinical term; not a [Flags] enum. Hosts depend on the name.")]
public enum RedFlag
{
    /// <summary>Thoughts of suicide or self-harm → 988.</summary>
    SelfHarm,
    /// <summary>A seizure → emergency services.</summary>
    Seizure,
    /// <summary>Fainting → emergency services.</summary>
    Fainting,
    /// <summary>Chest pain → emergency services.</summary>
    ChestPain,
    /// <summary>Trouble breathing → emergency services.</summary>
    Breathing,
    /// <summary>Severe confusion or heavy sedation (hard to wake, cannot stay awake) → emergency services.</summary>
    Confusion,
    /// <summary>Signs of liver injury (yellow skin or eyes, dark urine, pale stools, itching, right-upper belly pain) → a clinician promptly.</summary>
    Liver,
}
