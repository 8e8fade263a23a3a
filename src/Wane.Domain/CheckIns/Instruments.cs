namespace Wane.Domain.CheckIns;

/// <summary>The withdrawal scales Wane offers: SOWS for self-report, COWS for a clinician or supporter.</summary>
public static class Instruments
{
    /// <summary>That neither scale was validated for kratom withdrawal. Shown with every score.</summary>
    public const string KratomNote =
        "Neither scale was validated for kratom withdrawal; studies of kratom withdrawal have used them (Rogers et al., Drug Alcohol Depend 2024; Singh et al., 2019).";

    /// <summary>The 16-item Subjective Opiate Withdrawal Scale (Handelsman 1987): self-rated, each item 0–4, total 0–64.</summary>
    public static Instrument Sows { get; } = new(
        InstrumentKind.Sows,
        SowsData.Name,
        SowsData.Abbreviation,
        SowsData.Instructions,
        SowsData.Items.Select((text, i) => new InstrumentItem(i + 1, text, SowsData.Scores)).ToArray(),
        SowsData.Items.Length * SowsData.Scores[^1].Value,
        SowsData.Bands,
        SowsData.Source,
        SowsData.BandSource,
        KratomNote);

    /// <summary>The 11-item Clinical Opiate Withdrawal Scale (Wesson &amp; Ling 2003): observer-rated, total 0–48.</summary>
    public static Instrument Cows { get; } = new(
        InstrumentKind.Cows,
        CowsData.Name,
        CowsData.Abbreviation,
        CowsData.Instructions,
        CowsData.Items.Select((item, i) => new InstrumentItem(i + 1, item.Text, item.Scores)).ToArray(),
        CowsData.Items.Sum(item => item.Scores[^1].Value),
        CowsData.Bands,
        CowsData.Source,
        CowsData.BandSource,
        KratomNote);

    /// <summary>The instrument with this wire name ("sows" or "cows", case-insensitive); null for anything else, including "daily", which is not a scale.</summary>
    public static Instrument? Find(string? wireName) =>
        WireName.TryParse<InstrumentKind>(wireName, out var kind)
            ? kind switch
            {
                InstrumentKind.Sows => Sows,
                InstrumentKind.Cows => Cows,
                _ => null,
            }
            : null;
}
