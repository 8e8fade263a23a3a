namespace Wane.Domain;

/// <summary>A citation for a fact or rule the product shows.</summary>
/// <param name="Citation">Human-readable reference.</param>
/// <param name="Url">Where to read it, when there is a stable public address.</param>
public sealed record Source(string Citation, string? Url = null)
{
    /// <summary>CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022.</summary>
    public static readonly Source Cdc2022 = new(
        "Dowell D, Ragan KR, Jones CM, Baldwin GT, Chou R. CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep 2022;71(RR-3):1–95",
        "https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm");

    /// <summary>SAMHSA TIP 63, Medications for Opioid Use Disorder.</summary>
    public static readonly Source SamhsaTip63 = new("SAMHSA Treatment Improvement Protocol (TIP) 63: Medications for Opioid Use Disorder");
}
