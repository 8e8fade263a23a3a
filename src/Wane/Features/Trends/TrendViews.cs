namespace Wane.Features.Trends;

/// <summary>One kind's total on a day: the same figure as <c>GET /api/v1/days/{date}</c> gives.</summary>
public sealed record TrendTotalView(string Kind, decimal Amount, string Unit);

/// <summary>The active plan's daily target on a day, in the plan phase's own unit.</summary>
public sealed record TrendTargetView(decimal Amount, string Unit);

/// <summary>
/// One local day: totals per kind; the plan's target (null without an active plan, or before it starts);
/// whether the plan was held; whether it was kratom-free (false before the first dose Wane knows of and
/// after today, when nothing can be said); the day's last SOWS and COWS totals, and the last pain and
/// craving ratings of its daily check-ins (null when there were none).
/// </summary>
public sealed record TrendDayView(
    string Date,
    IReadOnlyList<TrendTotalView> Totals,
    TrendTargetView? Target,
    bool Held,
    bool KratomFree,
    int? Sows,
    int? Cows,
    int? Pain,
    int? Craving);

/// <summary>Every local day from <c>from</c> to <c>to</c> (inclusive), in order.</summary>
public sealed record TrendsView(string From, string To, IReadOnlyList<TrendDayView> Days);
