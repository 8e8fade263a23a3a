using System.Globalization;
using NodaTime;

namespace Wane.Data;

/// <summary>What survives a trip through the database, the same on every provider (ADR 0017).</summary>
public static class StoredPrecision
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>The instant to the whole microsecond, toward the start of time (PostgreSQL's resolution).</summary>
    public static Instant Instant(Instant value)
    {
        var ticks = value.ToUnixTimeTicks();
        var extra = ((ticks % TicksPerMicrosecond) + TicksPerMicrosecond) % TicksPerMicrosecond;
        return NodaTime.Instant.FromUnixTimeTicks(ticks - extra);
    }

    /// <summary>
    /// The decimal as SQLite's provider reads it back: trailing zeros dropped, at least one decimal place
    /// (5 reads as 5.0, 2.50 as 2.5). PostgreSQL's numeric keeps the scale it was given, so its reads go
    /// through this too and both providers hand back the same decimal, scale included.
    /// </summary>
    public static decimal Number(decimal value) =>
        decimal.Parse(value.ToString("0.0###########################", CultureInfo.InvariantCulture), NumberStyles.Number, CultureInfo.InvariantCulture);
}
