using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Journal;

/// <summary>The journal by local day, a week per page, newest first. Days with no doses are shown too.</summary>
internal sealed class HistoryModel(DoseQueries queries, Profile profile, IClock clock) : FormPage
{
    public const int DaysPerPage = 7;

    public int PageNumber { get; private set; }
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public IReadOnlyList<DayView> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken ct)
    {
        PageNumber = Math.Clamp(page, 0, 5_000);
        var days = await profile.DaysAsync(User.Id(), ct);
        var to = days.DayOf(clock.GetCurrentInstant()).PlusDays(-DaysPerPage * PageNumber);
        var from = to.PlusDays(-(DaysPerPage - 1));
        var doses = await queries.RangeAsync(User.Id(), days, from, to, ct);
        var byDay = doses.ToLookup(d => days.DayOf(d.TakenAt));
        Days = Enumerable.Range(0, DaysPerPage)
            .Select(i => to.PlusDays(-i))
            .Select(date => DoseQueries.Day(date, byDay[date].ToList(), days))
            .ToList();
        From = TimeText.Format(from);
        To = TimeText.Format(to);
        return Page();
    }
}
