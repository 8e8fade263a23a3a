using Microsoft.AspNetCore.Mvc;
using Wane.Features.Common;

namespace Wane.Features.Trends;

/// <summary>
/// The journal a month at a time: a calendar of each local day's totals, kratom-free days and strains, then the
/// days with doses, newest first. <c>?month=YYYY-MM</c>; the current month by default.
/// </summary>
internal sealed class HistoryModel(ShowMonth months) : FormPage
{
    public MonthView? Month { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "month")] string? month, CancellationToken ct)
    {
        var outcome = await months.HandleAsync(User.Id(), month, ct);
        if (outcome is Outcome<MonthView>.Invalid bad)
        {
            // Malformed: say so at the field, and show the current month beneath.
            AddErrors(bad.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            outcome = await months.HandleAsync(User.Id(), null, ct);
        }
        Month = ((Outcome<MonthView>.Ok)outcome).Value;
        return Page();
    }
}
