namespace Wane.Domain.Guardrails;

/// <summary>S2's numbers as they stood at the end of one local day (today: as they stand now).</summary>
/// <param name="Date">The local day.</param>
/// <param name="RecentDailyAverage">Average daily total over S2's recent days ending with this day (4 decimal places).</param>
/// <param name="BaselineDailyAverage">Average daily total over S2's baseline days before them, from the first logged dose of the kind in that period; 0 without one.</param>
/// <param name="BaselineDays">How many baseline days that average was taken over (0: no earlier dose, so no comparison).</param>
/// <param name="RisingAt">The recent average at which S2 speaks: the baseline raised by S2's rise (null without a baseline above zero).</param>
/// <param name="PercentChange">Change from baseline to recent, whole percent; null without a baseline above zero.</param>
/// <param name="Rising">Whether the recent average reached <paramref name="RisingAt"/>.</param>
/// <param name="HasData">Whether any dose of the kind fell in the recent or baseline days.</param>
public sealed record ToleranceDay(
    NodaTime.LocalDate Date,
    decimal RecentDailyAverage,
    decimal BaselineDailyAverage,
    int BaselineDays,
    decimal? RisingAt,
    decimal? PercentChange,
    bool Rising,
    bool HasData);
