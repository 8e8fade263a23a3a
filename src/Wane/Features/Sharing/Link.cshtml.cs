using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wane.Features.Common;

namespace Wane.Features.Sharing;

/// <summary>
/// A secret link (<c>/s/{secret}</c>), for someone without an account: the shared record, read-only, after the PIN when
/// the link has one. The PIN is asked on each visit (no cookie is set), and wrong PINs make the link wait
/// (<see cref="ShareGrants.CheckPinAsync"/>) besides the per-address form limit.
/// </summary>
[AllowAnonymous]
internal sealed class LinkModel(ShareGrants grants, ViewShared view) : FormPage
{
    public SharedPage? Shared { get; private set; }

    public IReadOnlyList<ErrorLink> ErrorLinks => Errors.TryGetValue("pin", out var m) ? [new ErrorLink("#pin", m)] : [];

    public async Task<IActionResult> OnGetAsync(string secret, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (await grants.ForLinkAsync(secret, ct) is not { } link)
        {
            return NotFound();
        }
        if (link.Row.PinHash is null)
        {
            Shared = await view.PageAsync(link.Grant, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string secret, string? pin, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (await grants.ForLinkAsync(secret, ct) is not { } link)
        {
            return NotFound();
        }
        switch (await grants.CheckPinAsync(link.Row.Id, pin, ct))
        {
            case ShareGrants.PinCheck.Right:
                Shared = await view.PageAsync(link.Grant, ct);
                return Page();
            case ShareGrants.PinCheck.Waiting:
                AddErrors([new Domain.FieldError("pin", $"Too many wrong PINs. Wait {ShareGrants.PinWait.TotalMinutes:0} minutes and try again.")]);
                break;
            default:
                AddErrors([new Domain.FieldError("pin", "That PIN is not right.")]);
                break;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
