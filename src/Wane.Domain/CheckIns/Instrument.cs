namespace Wane.Domain.CheckIns;

/// <summary>A withdrawal scale: its items, how it is totalled and banded, and where each part comes from.</summary>
/// <param name="Kind">Which instrument this is.</param>
/// <param name="Name">Full name, e.g. "Subjective Opiate Withdrawal Scale".</param>
/// <param name="Abbreviation">"SOWS" or "COWS".</param>
/// <param name="Instructions">What to tell the person filling it in.</param>
/// <param name="Items">Every item, in form order. All must be answered.</param>
/// <param name="MaxTotal">The highest possible total (the sum of the item maxima).</param>
/// <param name="Bands">Severity bands covering every total from 0 to <paramref name="MaxTotal"/>, lowest first, without overlaps.</param>
/// <param name="Source">The instrument's citation (items and anchors).</param>
/// <param name="BandSource">Where the bands come from; show it with every band.</param>
/// <param name="KratomNote">That the scale was not validated for kratom withdrawal; show it with every score.</param>
public sealed record Instrument(
    InstrumentKind Kind,
    string Name,
    string Abbreviation,
    string Instructions,
    IReadOnlyList<InstrumentItem> Items,
    int MaxTotal,
    IReadOnlyList<Band> Bands,
    Source Source,
    Source BandSource,
    string KratomNote)
{
    /// <summary>The band a total falls in, or null when no band covers it (never for a total from 0 to <see cref="MaxTotal"/>).</summary>
    public Band? BandFor(int total) => Bands.FirstOrDefault(b => b.Contains(total));
}
