using Wane.Features.Common;
using Wane.Features.Tapering;

namespace Wane.Features.CheckIns;

internal sealed class IndexModel(CheckInStore store, PlanStore plans) : FormPage
{
    public CheckInListView List { get; private set; } = new("", "", []);
    public CheckInView? Saved { get; private set; }
    public string? Hold { get; private set; }

    public async Task OnGetAsync(long? saved, CancellationToken ct)
    {
        if (await store.ListAsync(User.Id(), null, null, ct) is Outcome<CheckInListView>.Ok ok)
        {
            List = ok.Value;
        }
        Saved = saved is { } id ? List.CheckIns.FirstOrDefault(c => c.Id == id) : null;
        if (Saved is not null)
        {
            Hold = (await plans.AutomaticHoldAsync(User.Id(), ct)).Reason;
        }
    }
}
