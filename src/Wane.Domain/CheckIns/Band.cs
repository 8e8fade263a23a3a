namespace Wane.Domain.CheckIns;

/// <summary>A named range of totals. Always shown with the instrument's <see cref="Instrument.BandSource"/>.</summary>
/// <param name="Min">Lowest total in the band (inclusive).</param>
/// <param name="Max">Highest total in the band (inclusive).</param>
/// <param name="Name">The band's name, e.g. "moderate".</param>
/// <param name="Severity">How severe the band is; "severe" is never shown as reassurance.</param>
public sealed record Band(int Min, int Max, string Name, Severity Severity)
{
    /// <summary>Whether <paramref name="total"/> falls in this band.</summary>
    public bool Contains(int total) => total >= Min && total <= Max;
}
