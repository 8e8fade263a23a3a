namespace Wane.Domain.CheckIns;

/// <summary>
/// The COWS items, allowed scores and anchors with their citation, kept in this one file so the
/// wording can be swapped if its licensing requires it (reference/instruments.md). Anchors as
/// reprinted in SAMHSA TIP 40 and on the NIDA-hosted form. Only the listed scores are valid.
/// </summary>
internal static class CowsData
{
    public static readonly Source Source = new(
        "Wesson DR, Ling W. The Clinical Opiate Withdrawal Scale (COWS). J Psychoactive Drugs 2003;35(2):253–259. doi 10.1080/02791072.2003.10400007. Anchors as reprinted in SAMHSA TIP 40 (NCBI Bookshelf NBK64244)",
        "https://doi.org/10.1080/02791072.2003.10400007");

    public static readonly Source BandSource = new(
        "COWS form (Wesson & Ling 2003, as reprinted in SAMHSA TIP 40, NCBI Bookshelf NBK64244): 5–12 mild, 13–24 moderate, 25–36 moderately severe, more than 36 severe. The form gives no band for totals of 0–4",
        "https://www.ncbi.nlm.nih.gov/books/NBK64244/");

    public const string Name = "Clinical Opiate Withdrawal Scale";

    public const string Abbreviation = "COWS";

    public const string Instructions =
        "For a clinician or supporter to rate. Rate on just the apparent relationship to opiate withdrawal. Each item allows only the scores listed.";

    public static readonly (string Text, ItemScore[] Scores)[] Items =
    [
        ("Resting pulse rate, after sitting or lying 1 min",
        [
            new(0, "80 or below"),
            new(1, "81–100"),
            new(2, "101–120"),
            new(4, "greater than 120"),
        ]),
        ("Sweating, past ½ h, not explained by room temperature or activity",
        [
            new(0, "no report of chills or flushing"),
            new(1, "subjective report of chills or flushing"),
            new(2, "flushed or observable moistness on face"),
            new(3, "beads of sweat on brow or face"),
            new(4, "sweat streaming off face"),
        ]),
        ("Restlessness, observed during assessment",
        [
            new(0, "able to sit still"),
            new(1, "reports difficulty sitting still, but is able to"),
            new(3, "frequent shifting or extraneous movements of legs/arms"),
            new(5, "unable to sit still for more than a few seconds"),
        ]),
        ("Pupil size",
        [
            new(0, "pupils pinned or normal size for room light"),
            new(1, "possibly larger than normal"),
            new(2, "moderately dilated"),
            new(5, "so dilated that only the rim of the iris is visible"),
        ]),
        ("Bone or joint aches (only the additional component due to withdrawal)",
        [
            new(0, "not present"),
            new(1, "mild diffuse discomfort"),
            new(2, "reports severe diffuse aching of joints/muscles"),
            new(4, "rubbing joints or muscles and unable to sit still because of discomfort"),
        ]),
        ("Runny nose or tearing, not explained by cold or allergies",
        [
            new(0, "not present"),
            new(1, "nasal stuffiness or unusually moist eyes"),
            new(2, "nose running or tearing"),
            new(4, "nose constantly running or tears streaming down cheeks"),
        ]),
        ("GI upset, past ½ h",
        [
            new(0, "no GI symptoms"),
            new(1, "stomach cramps"),
            new(2, "nausea or loose stool"),
            new(3, "vomiting or diarrhea"),
            new(5, "multiple episodes of diarrhea or vomiting"),
        ]),
        ("Tremor, outstretched hands",
        [
            new(0, "no tremor"),
            new(1, "tremor can be felt, but not observed"),
            new(2, "slight tremor observable"),
            new(4, "gross tremor or muscle twitching"),
        ]),
        ("Yawning, during assessment",
        [
            new(0, "no yawning"),
            new(1, "yawning once or twice"),
            new(2, "yawning three or more times"),
            new(4, "yawning several times/minute"),
        ]),
        ("Anxiety or irritability",
        [
            new(0, "none"),
            new(1, "reports increasing irritability or anxiousness"),
            new(2, "obviously irritable or anxious"),
            new(4, "so irritable or anxious that participation is difficult"),
        ]),
        ("Gooseflesh skin",
        [
            new(0, "skin is smooth"),
            new(3, "piloerection of skin can be felt or hairs standing up on arms"),
            new(5, "prominent piloerection"),
        ]),
    ];

    // The form has no band below 5; "no active withdrawal" is common but unverified as the
    // original wording, so Wane says only where the total sits.
    public static readonly Band[] Bands =
    [
        new(0, 4, "below the mild band", Severity.None),
        new(5, 12, "mild", Severity.Mild),
        new(13, 24, "moderate", Severity.Moderate),
        new(25, 36, "moderately severe", Severity.Severe),
        new(37, 48, "severe", Severity.Severe),
    ];
}
