namespace Wane.Domain.CheckIns;

/// <summary>What to show, at once, for the red flags reported in a check-in (reference/instruments.md, "Red flags").</summary>
public static class RedFlags
{
    /// <summary>Emergency services, for seizure, fainting, chest pain, trouble breathing, or severe confusion or heavy sedation.</summary>
    public static readonly CrisisResource Emergency = new(
        "emergency",
        "Emergency services",
        "Call 911 now",
        "A seizure, fainting, chest pain, trouble breathing, or severe confusion or heavy sedation can be life-threatening during withdrawal or after a dose. Call 911 (or your local emergency number) now; do not drive yourself.");

    /// <summary>The 988 Suicide &amp; Crisis Lifeline, for thoughts of suicide or self-harm.</summary>
    public static readonly CrisisResource Lifeline = new(
        "988",
        "988 Suicide & Crisis Lifeline",
        "Call or text 988 now",
        "You said you are having thoughts of suicide or of hurting yourself. 988 answers calls and texts at any hour, free and confidential. If you are in immediate danger, call 911.");

    /// <summary>A clinician, promptly, for signs of liver injury.</summary>
    public static readonly CrisisResource Clinician = new(
        "clinician",
        "See a clinician promptly",
        "See a doctor or nurse today or tomorrow and tell them what you take, including kratom",
        "Yellow skin or eyes, dark urine, pale stools, itching or pain under the right ribs can be signs of liver injury. Kratom-associated liver injury is rare but documented (NIH LiverTox); it has appeared about 1–8 weeks after starting. A blood test can check.");

    /// <summary>The resources for these flags: distinct, most urgent first (emergency, 988, clinician); never empty for a non-empty input.</summary>
    public static IReadOnlyList<CrisisResource> ResourcesFor(IEnumerable<RedFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return flags
            .Select(For)
            .Distinct()
            .OrderBy(Urgency)
            .ToArray();
    }

    private static CrisisResource For(RedFlag flag) => flag switch
    {
        RedFlag.SelfHarm => Lifeline,
        RedFlag.Seizure or RedFlag.Fainting or RedFlag.ChestPain or RedFlag.Breathing or RedFlag.Confusion => Emergency,
        RedFlag.Liver => Clinician,
        // An unknown flag is a bug, but a red flag must never go unanswered: send it to emergency services.
        _ => Emergency,
    };

    private static int Urgency(CrisisResource r) =>
        r == Emergency ? 0 : r == Lifeline ? 1 : 2;
}
