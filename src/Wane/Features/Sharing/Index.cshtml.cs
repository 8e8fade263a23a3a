using Microsoft.AspNetCore.Mvc;
using Wane.Features.Common;

namespace Wane.Features.Sharing;

/// <summary>The person's sharing page (<c>/sharing</c>): their shares with the access logs, the add form, revoke buttons.</summary>
internal sealed class IndexModel(AddShare add, ListShares list, RevokeShare revoke) : FormPage
{
    public IReadOnlyList<ShareDetailView> Shares { get; private set; } = [];
    public string? NewUrl { get; private set; }
    public bool Added { get; private set; }
    public string? Kind { get; private set; }
    public string? To { get; private set; }
    public string? Label { get; private set; }
    public string? Expires { get; private set; }
    public bool MayEnterCows { get; private set; }
    public IReadOnlyList<string> Scopes { get; private set; } = ["plan", "checkins"];

    private static readonly Dictionary<string, string> Anchors = new(StringComparer.Ordinal)
    {
        ["to"] = "#to", ["label"] = "#label", ["expires"] = "#expires", ["pin"] = "#pin", ["scopes"] = "#scopes", ["mayEnterCows"] = "#scopes",
    };

    public IReadOnlyList<ErrorLink> ErrorLinks => Errors.Select(e => new ErrorLink(Anchors.GetValueOrDefault(e.Key, "#scopes"), e.Value)).ToArray();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? kind, string? to, string? label, string? expires, string? pin, string[]? scopes, bool mayEnterCows, CancellationToken ct)
    {
        (Kind, To, Label, Expires, MayEnterCows, Scopes) = (kind, to, label, expires, mayEnterCows, scopes ?? []);
        var link = Domain.WireName.TryParse<ShareKind>(kind, out var k) && k == ShareKind.Link;
        var body = new AddShareBody(link ? null : to, link, expires, pin, scopes ?? [], mayEnterCows, label);
        switch (await add.HandleAsync(User.Id(), body, Tapering.PlanEndpoints.BaseUrl(Request), ct))
        {
            case Outcome<ShareCreatedView>.Ok ok:
                NewUrl = ok.Value.Url;
                Added = true;
                (Kind, To, Label, Expires, MayEnterCows, Scopes) = (null, null, null, null, false, ["plan", "checkins"]);
                break;
            case Outcome<ShareCreatedView>.Invalid bad:
                AddErrors(bad.Errors.Select(e => e.Field.StartsWith("scopes[", StringComparison.Ordinal) ? e with { Field = "scopes" } : e));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case Outcome<ShareCreatedView>.Conflict c:
                AddErrors([new Domain.FieldError("to", c.Detail)]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        await revoke.HandleAsync(User.Id(), id, ct);
        return Redirect("/sharing");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var details = new List<ShareDetailView>();
        foreach (var s in await list.ListAsync(User.Id(), ct))
        {
            details.Add((await list.GetAsync(User.Id(), s.Id, ct))!);
        }
        Shares = details;
    }
}
