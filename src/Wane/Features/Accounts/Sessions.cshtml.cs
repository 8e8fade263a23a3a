using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>Where you are signed in: each browser with when it was last seen, a button to end each, and "sign out everywhere".</summary>
internal sealed class SessionsModel(SigninSessions sessions, SignInManager<WaneUser> signIn) : FormPage
{
    public IReadOnlyList<SigninSessions.SessionView> Sessions { get; private set; } = [];
    public string? Notice { get; private set; }

    private string? CurrentKey => User.FindFirstValue(SigninSessions.ClaimType);

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Notice = done switch
        {
            "ended" => "That session has ended: that browser must sign in again.",
            "others" => "Every other session has ended.",
            "password" => "Your password is changed, and every other session has ended.",
            _ => null,
        };
        Sessions = await sessions.ListAsync(User.Id(), CurrentKey, ct);
    }

    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken ct)
    {
        var mine = (await sessions.ListAsync(User.Id(), CurrentKey, ct)).SingleOrDefault(s => s.Id == id);
        await sessions.EndAsync(User.Id(), id, ct);
        if (mine?.Current == true)
        {
            await signIn.SignOutAsync();
            return Redirect("/signin");
        }
        return Redirect("/sessions?done=ended");
    }

    public async Task<IActionResult> OnPostEndOthersAsync(CancellationToken ct)
    {
        await sessions.EndAllAsync(User.Id(), CurrentKey, ct);
        return Redirect("/sessions?done=others");
    }

    public async Task<IActionResult> OnPostEndAllAsync(CancellationToken ct)
    {
        await sessions.EndAllAsync(User.Id(), null, ct);
        await signIn.SignOutAsync();
        return Redirect("/signin");
    }
}
