namespace Wane.Domain.Tapering;

/// <summary>How long an opioid has been used; CDC 2022 sets a different taper pace for each.</summary>
public enum UseDuration
{
    /// <summary>Not stated: Wane checks against the slower pace (a year or more).</summary>
    Unknown,
    /// <summary>Weeks to months: about 10% of the original dose per week, then 10% of the remainder.</summary>
    WeeksToMonths,
    /// <summary>A year or more: about 10% per month or slower.</summary>
    YearOrMore,
}
