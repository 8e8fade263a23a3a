using Microsoft.AspNetCore.Mvc;
using Wane.Domain.Time;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

/// <summary>The active plan: schedule, today's allowance, adherence, holds, calendar and print.</summary>
internal sealed class IndexModel(GetPlan plans, PlanQueries queries, HoldPlan hold, ResumePlan resume, Replan replan, OverrideHold overrideHold, CalendarFeeds feeds, ICharts charts) : FormPage
{
    public PlanView? Plan { get; private set; }

    /// <summary>The whole plan drawn: targets, what was taken, holds, today and the end.</summary>
    public IReadOnlyList<ChartView> Charts { get; private set; } = [];

    /// <summary>Why withdrawal scores hold the plan now, if they do.</summary>
    public string? AutoHold { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plan = await plans.CurrentAsync(User.Id(), PlanEndpoints.BaseUrl(Request), ct);
        AutoHold = (await queries.AutomaticHoldAsync(User.Id(), ct)).Reason;
        Charts = Plan is null || TimeText.ParseDate(Plan.Start) is not { } start || TimeText.ParseDate(Plan.End) is not { } end
            ? []
            : await charts.PlanAsync(User.Id(), start, end, ct);
    }

    public Task<IActionResult> OnPostOverrideAsync(CancellationToken ct) => ActAsync(id => overrideHold.OverrideHoldAsync(User.Id(), id, null, ct), ct);

    public Task<IActionResult> OnPostHoldAsync(CancellationToken ct) =>
        ActAsync(id => hold.HoldAsync(User.Id(), id, new HoldBody(null, "held from the plan page"), null, ct), ct);

    public Task<IActionResult> OnPostResumeAsync(CancellationToken ct) => ActAsync(id => resume.ResumeAsync(User.Id(), id, null, ct), ct);

    public Task<IActionResult> OnPostReplanAsync(CancellationToken ct) => ActAsync(id => replan.ReplanAsync(User.Id(), id, null, ct), ct);

    /// <summary>The feed URL just made: shown on this answer only, because only its hash is kept.</summary>
    public string? NewCalendarUrl { get; private set; }

    public async Task<IActionResult> OnPostRevokeCalendarAsync(CancellationToken ct)
    {
        var secret = await feeds.RotateAsync(User.Id(), ct);
        NewCalendarUrl = $"{PlanEndpoints.BaseUrl(Request)}/calendar/{secret}.ics";
        await OnGetAsync(ct);
        return Page();
    }

    private async Task<IActionResult> ActAsync(Func<long, Task<Outcome<PlanView>>> action, CancellationToken ct)
    {
        var current = await plans.CurrentAsync(User.Id(), null, ct);
        if (current?.Id is not { } id)
        {
            return Redirect("/plan");
        }
        if (await action(id) is Outcome<PlanView>.Invalid bad)
        {
            AddErrors(bad.Errors);
            Plan = await plans.CurrentAsync(User.Id(), PlanEndpoints.BaseUrl(Request), ct);
            return Page();
        }
        return Redirect("/plan");
    }
}
