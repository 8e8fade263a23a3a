using NodaTime;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Features.Guardrails;
using Wane.Features.Journal;

namespace Wane.Features.Trends;

/// <summary>The charts of the Today and Plan pages, from <see cref="GetTrends"/> (the same days the API gives).</summary>
internal sealed class ShowCharts(GetTrends trends, GuardrailQueries settings, DoseAdvisor advisor, Profile profile, IClock clock) : ICharts
{
    private const int RecentDays = ICharts.RecentDays;
    private const int ToleranceDays = ICharts.ToleranceDays;

    /// <summary>The last 14 local days per kind, against the cap (R4) and the plan's target.</summary>
    public async Task<IReadOnlyList<ChartView>> RecentAsync(string userId, CancellationToken ct)
    {
        if (await trends.HandleAsync(userId, null, null, RecentDays, ct).ConfigureAwait(false) is not Outcome<TrendsView>.Ok ok)
        {
            return [];
        }
        var r4 = (await settings.GetAsync(userId, ct).ConfigureAwait(false))["R4"];
        var today = TimeText.ParseDate(ok.Value.To)!.Value;
        return DoseCharts.Recent(ok.Value, today, kind => GetStatus.Cap(kind == "opioid" ? ProductKind.Opioid : ProductKind.Kratom, r4));
    }

    /// <summary>The whole plan, from its start to a week after its end (three years at most).</summary>
    public async Task<IReadOnlyList<ChartView>> PlanAsync(string userId, LocalDate start, LocalDate end, CancellationToken ct)
    {
        var to = end.PlusDays(7);
        if (to > GetTrends.LatestTo(start))
        {
            to = GetTrends.LatestTo(start);
        }
        if (await trends.HandleAsync(userId, TimeText.Format(start), TimeText.Format(to), RecentDays, ct).ConfigureAwait(false) is not Outcome<TrendsView>.Ok ok)
        {
            return [];
        }
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        return DoseCharts.Plan(ok.Value, days.DayOf(clock.GetCurrentInstant()), end);
    }

    /// <summary>S2 day by day over the last <see cref="ToleranceDays"/> days, per kind taken, read as the Today view reads it.</summary>
    public async Task<IReadOnlyList<ChartView>> ToleranceAsync(string userId, CancellationToken ct)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var rules = await settings.GetAsync(userId, ct).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        var today = days.DayOf(now);
        var from = today.PlusDays(-(ToleranceDays - 1));
        var lookBack = now - days.StartOf(from) + ToleranceHistory.LookBack(rules);
        var context = await advisor.ContextAsync(userId, days, rules, now + Duration.Epsilon, null, ct, lookBack).ConfigureAwait(false);
        var source = $"S2 and its settings: the Rules below. Source: {GuardrailQueries.View(rules).Rules.Single(r => r.Id == "S2").Source}.";
        return new[] { ProductKind.Kratom, ProductKind.Opioid }
            .Select(kind => ToleranceCharts.For(ToleranceHistory.Compute(context, rules, kind, from, today, now), source))
            .OfType<ChartView>()
            .ToArray();
    }
}
