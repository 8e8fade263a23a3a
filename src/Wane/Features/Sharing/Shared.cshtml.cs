using Wane.Features.Common;

namespace Wane.Features.Sharing;

/// <summary>The staff list (<c>/shared?days=N</c>): everyone who shares with the signed-in account, in one table.</summary>
internal sealed class SharedModel(StaffList staff) : FormPage
{
    public SharedListView? List { get; private set; }
    public string Days { get; private set; } = StaffList.DefaultDays.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(string? days, CancellationToken ct)
    {
        int? n = null;
        if (!string.IsNullOrWhiteSpace(days))
        {
            Days = days;
            n = int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;
        }
        switch (await staff.HandleAsync(User.Id(), n, ct))
        {
            case Outcome<SharedListView>.Ok ok:
                List = ok.Value;
                break;
            case Outcome<SharedListView>.Invalid bad:
                AddErrors(bad.Errors);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }
    }
}
