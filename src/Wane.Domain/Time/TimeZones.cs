using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Wane.Domain.Time;

/// <summary>IANA time zones from the tz database bundled with NodaTime.</summary>
public static class TimeZones
{
    /// <summary>Finds a zone by IANA id (e.g. "America/New_York"); ids are case-sensitive, as in the tz database.</summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out DateTimeZone? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }
        zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());
        return zone is not null;
    }

    /// <summary>
    /// The zones a person chooses from: the tz database's canonical ids (aliases such as US/Eastern are
    /// still accepted when typed or sent, but listing them would show one place many times), sorted.
    /// </summary>
    public static IReadOnlyList<string> Choices { get; } = BuildChoices();

    private static string[] BuildChoices()
    {
        var canonical = NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.CanonicalIdMap;
        return DateTimeZoneProviders.Tzdb.Ids
            .Where(id => canonical.TryGetValue(id, out var c) && c == id && id.Contains('/', StringComparison.Ordinal))
            .Append("UTC")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The error message for a zone id that was not found.</summary>
    public static string Unknown(string? id) =>
        string.IsNullOrWhiteSpace(id)
            ? "Enter an IANA time zone, for example America/New_York or Europe/London."
            : $"\"{(id.Length > 40 ? id[..40] + "…" : id)}\" is not an IANA time zone. Use a name such as America/New_York, Europe/London or Asia/Kathmandu.";
}
