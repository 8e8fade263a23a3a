using NodaTime;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.CheckIns;
using Wane.Features.Common;
using Wane.Features.Guardrails;
using Wane.Features.Journal;
using Wane.Features.Tapering;

namespace Wane.Features.Trends;

/// <summary>The charts of the Today and Plan pages, from <see cref="GetTrends"/> (the same days the API gives).</summary>
internal sealed class ShowCharts(GetTrends trends, GuardrailStore settings, DoseAdvisor advisor, Profile profile, IClock clock)
{
    /// <summary>Days drawn on Today.</summary>
    public const int RecentDays = 14;

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
    public async Task<IReadOnlyList<ChartView>> PlanAsync(string userId, PlanView plan, CancellationToken ct)
    {
        if (TimeText.ParseDate(plan.Start) is not { } start || TimeText.ParseDate(plan.End) is not { } end)
        {
            return [];
        }
        var to = end.PlusDays(7);
        if (Period.Between(start, to, PeriodUnits.Days).Days >= GetTrends.MaxDays)
        {
            to = start.PlusDays(GetTrends.MaxDays - 1);
        }
        if (await trends.HandleAsync(userId, TimeText.Format(start), TimeText.Format(to), RecentDays, ct).ConfigureAwait(false) is not Outcome<TrendsView>.Ok ok)
        {
            return [];
        }
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        return DoseCharts.Plan(ok.Value, days.DayOf(clock.GetCurrentInstant()), end);
    }

    /// <summary>Days drawn on the tolerance chart (Guardrails page).</summary>
    public const int ToleranceDays = 56;

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
        var source = $"S2 and its settings: the Rules below. Source: {GuardrailStore.View(rules).Rules.Single(r => r.Id == "S2").Source}.";
        return new[] { ProductKind.Kratom, ProductKind.Opioid }
            .Select(kind => ToleranceCharts.For(ToleranceHistory.Compute(context, rules, kind, from, today, now), source))
            .OfType<ChartView>()
            .ToArray();
    }

    /// <summary>SOWS, COWS and the daily check-in over the check-ins listed.</summary>
    public static IReadOnlyList<ChartView> CheckIns(CheckInListView list) => CheckInCharts.For(list);
}
