namespace Wane.Domain.Guardrails;

/// <summary>
/// Resources an advisory must show beside it (reference/resources.md): hosts render each from the
/// resource directory, so a danger always comes with the way to get help, not only words about it.
/// </summary>
[Flags]
public enum AdvisoryResources
{
    /// <summary>Nothing beyond the crisis link every page carries.</summary>
    None = 0,

    /// <summary>Emergency services (911 in the US): overdose signs are unresponsive, slow or stopped breathing, blue lips.</summary>
    Emergency = 1,

    /// <summary>Naloxone, which reverses an opioid overdose (over the counter in the US since 29 Mar 2023).</summary>
    Naloxone = 2,
}
