using Wane.Domain.Time;
using Wane.Features.Common;
using Wane.Features.Trends;

namespace Wane.Features.Sharing;

/// <summary>Everything one share shows on the viewer's page, each part null when its scope was not shared.</summary>
internal sealed record SharedPage(
    ShareGrant Grant,
    SharedStatusView Status,
    SharedPlanView? Plan,
    SharedCheckInsView? CheckIns,
    SharedDosesView? Doses,
    IReadOnlyList<ChartView> PlanCharts,
    IReadOnlyList<ChartView> CheckInCharts);

internal sealed partial class ViewShared
{
    /// <summary>
    /// The viewer's page (<c>/shared/{id}</c>, <c>/s/{secret}</c>): the last 30 days of each shared scope, with the
    /// plan's chart (only when doses are shared too: its bars are daily totals) and the check-in charts. One log row.
    /// </summary>
    public async Task<SharedPage> PageAsync(ShareGrant grant, CancellationToken ct)
    {
        _quiet = true;
        try
        {
            var status = await StatusAsync(grant, ct).ConfigureAwait(false);
            var plan = grant.Has(ShareScope.Plan) ? Value(await PlanAsync(grant, null, null, ct).ConfigureAwait(false)) : null;
            var checkIns = grant.Has(ShareScope.Checkins) ? Value(await CheckInsAsync(grant, null, null, ct).ConfigureAwait(false)) : null;
            var doses = grant.Has(ShareScope.Doses) ? Value(await DosesAsync(grant, null, null, ct).ConfigureAwait(false)) : null;
            IReadOnlyList<ChartView> planCharts = [];
            if (plan is not null && Value(await TrendsAsync(grant, null, null, ct).ConfigureAwait(false)) is { } days)
            {
                // Without the doses scope the chart draws the targets and holds only, never a "taken" of zero.
                var today = TimeText.ParseDate(days.To)!.Value;
                planCharts = DoseCharts.Plan(days, today, TimeText.ParseDate(plan.End) ?? today, taken: doses is not null);
            }
            var checkInCharts = checkIns is null ? [] : CheckIns.CheckInCharts.For(ForCharts(checkIns));
            _quiet = false;
            await LogAsync(grant, "page", ct).ConfigureAwait(false);
            return new SharedPage(grant, status, plan, checkIns, doses, planCharts, checkInCharts);
        }
        finally
        {
            _quiet = false;
        }
    }

    private static T? Value<T>(Outcome<T> outcome) where T : class => outcome is Outcome<T>.Ok ok ? ok.Value : null;
}
