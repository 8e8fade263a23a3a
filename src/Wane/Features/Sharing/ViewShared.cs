using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.CheckIns;
using Wane.Features.Common;
using Wane.Features.Journal;
using Wane.Features.Reports;
using Wane.Features.Tapering;
using Wane.Features.Trends;

namespace Wane.Features.Sharing;

/// <summary>
/// What a viewer sees of a share: each read takes a <see cref="ShareGrant"/> (from <see cref="ShareGrants"/>, so a
/// revoked or expired share never gets here), reads the owner's record with the owner's own handlers, and keeps only
/// what the grant's scopes allow. Every read writes a row of the owner's access log.
/// </summary>
internal sealed partial class ViewShared(WaneDb db, ShareGrants grants, GetStatus status, GetPlan plans, GetTrends trends, GetReport report, Profile profile, IClock clock)
{
    /// <summary>Days a viewer's period covers unless it asks (<c>?from&amp;to</c>); at most <see cref="GetReport.MaxDays"/>.</summary>
    public const int DefaultDays = 30;

    public async Task<SharedStatusView> StatusAsync(ShareGrant grant, CancellationToken ct)
    {
        var s = await status.HandleAsync(grant.OwnerId, ct).ConfigureAwait(false);
        var plan = grant.Has(ShareScope.Plan) ? s.Plan.Select(p => Today(p, grant)).ToArray() : null;
        string? lastCheckIn = null;
        if (grant.Has(ShareScope.Checkins))
        {
            var last = await db.CheckIns.AsNoTracking().Where(c => c.UserId == grant.OwnerId).OrderByDescending(c => c.TakenAt)
                .Select(c => (Instant?)c.TakenAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            var days = await profile.DaysAsync(grant.OwnerId, ct).ConfigureAwait(false);
            lastCheckIn = last is { } l ? TimeText.Format(days.DayOf(l)) : null;
        }
        var doses = grant.Has(ShareScope.Doses);
        await LogAsync(grant, "status", ct).ConfigureAwait(false);
        return new SharedStatusView(grant.ShareId, grant.OwnerName, Scopes(grant), grant.MayEnterCows, s.Date,
            plan, plan is null ? null : plan.Any(p => p.Held), lastCheckIn,
            doses ? s.LastDose : null, doses ? s.Totals : null, doses ? s.Advisories : null);
    }

    public async Task<Outcome<SharedPlanView>> PlanAsync(ShareGrant grant, string? from, string? to, CancellationToken ct)
    {
        if (await ReportAsync(grant, from, to, ct).ConfigureAwait(false) is not Outcome<ReportView>.Ok ok)
        {
            return Outcome<SharedPlanView>.Fail(_lastErrors);
        }
        var r = ok.Value;
        var plan = await plans.CurrentAsync(grant.OwnerId, null, ct).ConfigureAwait(false);
        var doses = grant.Has(ShareScope.Doses);
        var days = await profile.DaysAsync(grant.OwnerId, ct).ConfigureAwait(false);
        var today = TimeText.Format(days.DayOf(clock.GetCurrentInstant()));
        await LogAsync(grant, "plan", ct).ConfigureAwait(false);
        return new SharedPlanView(r.From, r.To, r.PlanSummary, plan?.Start, plan?.End,
            plan?.Today.Select(p => Today(p, grant)).ToArray() ?? [],
            r.Steps.Select(s => doses ? s : s with { MeanActual = null }).ToArray(),
            r.Holds.Select(h => Hold(h, grant)).ToArray(),
            r.Days.Where(d => d.Target is not null).Select(d => new SharedPlanDayView(d.Date, d.Target, d.Unit, d.Held,
                string.CompareOrdinal(d.Date, today) <= 0 ? d.Actual <= d.Target : null, doses ? d.Actual : null)).ToArray(),
            [ReportView.TargetSource, .. doses ? new[] { ReportView.DosesSource } : []]);
    }

    public async Task<Outcome<SharedCheckInsView>> CheckInsAsync(ShareGrant grant, string? from, string? to, CancellationToken ct)
    {
        if (await ReadAsync(grant, from, to, ct).ConfigureAwait(false) is not { } read)
        {
            return Outcome<SharedCheckInsView>.Fail(_lastErrors);
        }
        var enteredBy = await CheckIns.CheckInQueries.EnteredByAsync(db, read.CheckIns.Select(c => c.EnteredByShareId), ct).ConfigureAwait(false);
        var notes = grant.Has(ShareScope.Notes);
        var list = read.CheckIns.Select(c => new SharedCheckInView(c.Id, c.Instrument, c.TakenAt, c.LocalDate, c.LocalTime, c.Score, c.Max,
            c.Band, c.Severity, c.Source, c.BandSource, c.KratomNote, c.Daily?.Pain, c.Daily?.Sleep, c.Daily?.Mood, c.Daily?.Craving,
            notes ? c.Daily?.Note : null, c.RedFlags, c.EnteredByShareId is { } id ? enteredBy.GetValueOrDefault(id, CheckIns.CheckInQueries.EnteredByGone) : null)).ToArray();
        await LogAsync(grant, "checkins", ct).ConfigureAwait(false);
        return new SharedCheckInsView(read.View.From, read.View.To, list,
            read.CheckIns.Where(c => c.RedFlags.Count > 0).Select(c => new ReportRedFlagView(c.LocalDate, c.LocalTime, c.RedFlags)).ToArray(),
            ReportView.LimitsOfData);
    }

    public async Task<Outcome<SharedDosesView>> DosesAsync(ShareGrant grant, string? from, string? to, CancellationToken ct)
    {
        if (await ReportAsync(grant, from, to, ct).ConfigureAwait(false) is not Outcome<ReportView>.Ok ok
            || await ReadAsync(grant, ok.Value.From, ok.Value.To, ct).ConfigureAwait(false) is not { } read)
        {
            return Outcome<SharedDosesView>.Fail(_lastErrors);
        }
        var days = await profile.DaysAsync(grant.OwnerId, ct).ConfigureAwait(false);
        var notes = grant.Has(ShareScope.Notes);
        var list = read.DoseList.Select(d => new SharedDoseView(TimeText.Format(d.TakenAt), TimeText.Format(days.DayOf(d.TakenAt)),
            TimeText.FormatClock(days.LocalTimeOf(d.TakenAt)), d.Product?.Name ?? "", Domain.WireName.Of(d.Kind), d.Amount,
            Domain.WireName.Of(d.Unit), notes ? d.Note : null)).ToArray();
        await LogAsync(grant, "doses", ct).ConfigureAwait(false);
        return new SharedDosesView(ok.Value.From, ok.Value.To, list, ok.Value.Dangers, [ReportView.DosesSource, ReportView.DangerSource]);
    }

    /// <summary>The days of a period with only the scoped figures: totals and kratom-free days ("doses"), targets and holds ("plan"), scores and ratings ("checkins").</summary>
    public async Task<Outcome<TrendsView>> TrendsAsync(ShareGrant grant, string? from, string? to, CancellationToken ct)
    {
        if (await ReadAsync(grant, from, to, ct).ConfigureAwait(false) is not { } read)
        {
            return Outcome<TrendsView>.Fail(_lastErrors);
        }
        await LogAsync(grant, "trends", ct).ConfigureAwait(false);
        return Filter(read.View, grant);
    }

    /// <summary>The trends of the check-ins a share shows, for the check-in charts (notes left out).</summary>
    public static CheckInListView ForCharts(SharedCheckInsView list) =>
        new(list.From, list.To, list.CheckIns.Select(c => new CheckInView(c.Id, c.Instrument, c.TakenAt, c.LocalDate, c.LocalTime, c.Score, c.Max,
            c.Band, c.Severity, c.Source, c.BandSource, c.KratomNote, [], null,
            c.Instrument == "daily" ? new DailyView(c.Pain, c.Sleep, c.Mood, c.Craving, null) : null, c.RedFlags, [], false, null)).ToArray());

    public static TrendsView Filter(TrendsView view, ShareGrant grant)
    {
        var (doses, plan, checks) = (grant.Has(ShareScope.Doses), grant.Has(ShareScope.Plan), grant.Has(ShareScope.Checkins));
        return view with
        {
            Days = view.Days.Select(d => new TrendDayView(d.Date, doses ? d.Totals : [], plan ? d.Target : null, plan && d.Held, doses && d.KratomFree,
                checks ? d.Sows : null, checks ? d.Cows : null, checks ? d.Pain : null, checks ? d.Craving : null)).ToArray(),
        };
    }

    /// <summary>For each share id, "entered by NAME" as the owner's list says it (the viewer's account name, or the link's label).</summary>
    public static IReadOnlyList<string> Scopes(ShareGrant grant) => grant.Scopes.Order().Select(Domain.WireName.Of).ToArray();

    private readonly Dictionary<(string, string?, string?), Outcome<ReportView>> _reports = [];

    /// <summary>True while a page is built from several reads: the page writes one log row, not one per part.</summary>
    private bool _quiet;

    private Task LogAsync(ShareGrant grant, string what, CancellationToken ct) => _quiet ? Task.CompletedTask : grants.LogAsync(grant, what, ct);
    private IReadOnlyList<Domain.FieldError> _lastErrors = [];

    /// <summary>The report of the period (read once per request and range: the page shows its plan and its dangers).</summary>
    private async Task<Outcome<ReportView>> ReportAsync(ShareGrant grant, string? from, string? to, CancellationToken ct)
    {
        if (!_reports.TryGetValue((grant.OwnerId, from, to), out var outcome))
        {
            outcome = await report.HandleAsync(grant.OwnerId, from, to, ct).ConfigureAwait(false);
            _reports[(grant.OwnerId, from, to)] = outcome;
        }
        if (outcome is Outcome<ReportView>.Invalid bad)
        {
            _lastErrors = bad.Errors;
        }
        return outcome;
    }

    private async Task<TrendsRead?> ReadAsync(ShareGrant grant, string? from, string? to, CancellationToken ct)
    {
        switch (await trends.ReadRangeAsync(grant.OwnerId, from, to, DefaultDays, ct).ConfigureAwait(false))
        {
            case Outcome<TrendsRead>.Ok ok when ok.Value.View.Days.Count <= GetReport.MaxDays:
                return ok.Value;
            case Outcome<TrendsRead>.Invalid bad:
                _lastErrors = bad.Errors;
                return null;
            default:
                _lastErrors = [new("from", $"Ask for at most {GetReport.MaxDays} days at a time.")];
                return null;
        }
    }

    private static SharedTodayPlanView Today(TodayPlanView p, ShareGrant grant) =>
        new(p.Phase, p.Substance, p.Allowance, p.Unit, p.NextStepDown, p.Held,
            grant.Has(ShareScope.Doses) ? p.Taken : null, grant.Has(ShareScope.Doses) ? p.Left : null);

    private static ReportHoldView Hold(ReportHoldView h, ShareGrant grant) => h.Kind switch
    {
        "by you" when !grant.Has(ShareScope.Notes) => h with { Reason = "(the reason is not shared)" },
        "override" when !grant.Has(ShareScope.Checkins) => h with { Reason = "The person chose to go on with the plan despite a hold from withdrawal scores." },
        _ => h,
    };
}
