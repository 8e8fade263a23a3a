namespace Wane.Domain.CheckIns;

/// <summary>
/// The SOWS item wording and its citation, kept in this one file so it can be swapped if the
/// licensing of the wording requires it (reference/instruments.md). This is the 16-item
/// Subjective Opiate Withdrawal Scale (Handelsman 1987, 0–64), not Gossop's 10-item Short
/// Opiate Withdrawal Scale (0–30), which shares the abbreviation; never mix their totals.
/// </summary>
internal static class SowsData
{
    public static readonly Source Source = new(
        "Handelsman L, Cochrane KJ, Aronson MJ, Ness R, Rubinstein KJ, Kanof PD. Two new rating scales for opiate withdrawal. Am J Drug Alcohol Abuse 1987;13(3):293–308. PMID 3687892",
        "https://pubmed.ncbi.nlm.nih.gov/3687892/");

    // The original paper defines no severity bands (as far as could be checked).
    public static readonly Source BandSource = new(
        "Bands used in NIDA CTN research, not clinical cut-offs: NIDA Clinical Trials Network data harmonization (CTN-0094, public.ctn0094data, vignettes/harmonization.Rmd): 0 none, 1–10 mild, 11–20 moderate, 21 or more severe. The original SOWS paper defines no severity bands",
        "https://github.com/CTN-0094/public.ctn0094data");

    public const string Name = "Subjective Opiate Withdrawal Scale";

    public const string Abbreviation = "SOWS";

    public const string Instructions =
        "Rate each statement for how you feel right now: 0 not at all, 1 a little, 2 moderately, 3 quite a bit, 4 extremely. Answer all 16.";

    // Common US wording; item 16 was originally "I feel like shooting up".
    public static readonly string[] Items =
    [
        "I feel anxious",
        "I feel like yawning",
        "I am perspiring",
        "My eyes are tearing",
        "My nose is running",
        "I have goose flesh",
        "I am shaking",
        "I have hot flashes",
        "I have cold flashes",
        "My bones and muscles ache",
        "I feel restless",
        "I feel nauseous",
        "I feel like vomiting",
        "My muscles twitch",
        "I have cramps in my stomach",
        "I feel like using now",
    ];

    public static readonly ItemScore[] Scores =
    [
        new(0, "not at all"),
        new(1, "a little"),
        new(2, "moderately"),
        new(3, "quite a bit"),
        new(4, "extremely"),
    ];

    public static readonly Band[] Bands =
    [
        new(0, 0, "none", Severity.None),
        new(1, 10, "mild", Severity.Mild),
        new(11, 20, "moderate", Severity.Moderate),
        new(21, 64, "severe", Severity.Severe),
    ];
}
