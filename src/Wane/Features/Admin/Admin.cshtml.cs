using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Filters;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Web;

namespace Wane.Features.Admin;

/// <summary>
/// /admin, for the people who run the instance: accounts (as <c>wane user list</c> shows them, never their
/// record) with disable, enable, reset password and delete, each behind a confirm step; invitations. Anyone who
/// is not an admin now (read from the database on every request) gets 404, as for an address that does not exist.
/// </summary>
internal sealed class AdminModel(ListAccounts list, DisableAccount disable, RemoveAccount remove, ResetPassword reset,
    Invitations invitations, Wane.Features.Accounts.Accounts accounts, PublicUrl publicUrl) : FormPage
{
    /// <summary>The actions that ask first, and what each button says.</summary>
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["disable"] = "Disable",
        ["enable"] = "Enable",
        ["reset"] = "Reset password",
        ["delete"] = "Delete",
    };

    public static int ResetHours => (int)ResetPassword.Lifetime.TotalHours;

    public IReadOnlyList<AccountSummary> AccountRows { get; private set; } = [];
    public IReadOnlyList<Invitations.InvitationView> InvitationRows { get; private set; } = [];

    [BindProperty] public string? Act { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Typed { get; set; }
    [BindProperty] public string? Expires { get; set; } = "7d";
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public long Id { get; set; }

    /// <summary>The action waiting for its confirmation, and the account it is for.</summary>
    public (string Act, string Name)? Asking { get; private set; }

    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    /// <summary>A link made by the last action (a reset or an invitation), shown once.</summary>
    public string? NewLink { get; private set; }
    public string? NewLinkFor { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!await list.IsAdminAsync(User.Id(), HttpContext.RequestAborted))
        {
            context.Result = NotFound();
            return;
        }
        await next();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    /// <summary>The confirm step: nothing changes until the second button.</summary>
    public async Task<IActionResult> OnPostAskAsync(CancellationToken ct)
    {
        if (Act is null || !Actions.ContainsKey(Act) || string.IsNullOrWhiteSpace(Name))
        {
            return await ShowAsync(ct, ("Choose an account and an action.", true));
        }
        Asking = (Act, Name.Trim());
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostDoAsync(CancellationToken ct)
    {
        if (Act is null || !Actions.ContainsKey(Act) || await accounts.FindAsync(Name ?? "") is not { } target)
        {
            return await ShowAsync(ct, ("There is no such account.", true));
        }
        if (target.Id == User.Id() && Act is "disable" or "delete")
        {
            return await ShowAsync(ct, ($"You cannot {Act} your own account here: another admin can, or you can delete yours on your profile page.", true));
        }
        switch (Act)
        {
            case "disable":
                return await ShowAsync(ct, await disable.DisableAsync(target.Id, ct) switch
                {
                    Outcome<DisableAccount.Result>.Ok { Value.Changed: true } ok => ($"Disabled {target.UserName}; {ok.Value.SessionsEnded} session{(ok.Value.SessionsEnded == 1 ? "" : "s")} ended.", false),
                    Outcome<DisableAccount.Result>.Ok => ($"{target.UserName} was disabled already.", false),
                    Outcome<DisableAccount.Result>.Conflict c => (c.Title + " " + c.Detail, true),
                    _ => ("There is no such account.", true),
                });
            case "enable":
                return await ShowAsync(ct, (await disable.EnableAsync(target.Id, ct) is Outcome<bool>.Ok { Value: true }
                    ? $"Enabled {target.UserName}: they can sign in again."
                    : $"{target.UserName} was not disabled.", false));
            case "reset":
                if (await reset.CreateAsync(target.Id, ct) is Outcome<(string Secret, int Ended)>.Ok made)
                {
                    NewLink = ResetPassword.Link(publicUrl.Value, made.Value.Secret);
                    NewLinkFor = $"A password link for {target.UserName} (works once, for {ResetHours} hours; {made.Value.Ended} session{(made.Value.Ended == 1 ? "" : "s")} ended). Give it to them yourself:";
                }
                return await ShowAsync(ct);
            default:
                if (!string.Equals(Typed?.Trim(), target.UserName, StringComparison.Ordinal))
                {
                    Asking = ("delete", target.UserName!);
                    AddErrors([new("typed", "Type the user name exactly to delete the account.")]);
                    return await ShowAsync(ct);
                }
                return await ShowAsync(ct, await remove.RemoveAsync(target.Id, ct) switch
                {
                    Outcome<RemoveAccount.Result>.Ok => ($"Deleted {target.UserName} and everything of theirs.", false),
                    _ => ("There is no such account.", true),
                });
        }
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var lifetime = Invitations.ParseLifetime(Expires);
        if (lifetime is Outcome<NodaTime.Duration>.Invalid badLifetime)
        {
            AddErrors(badLifetime.Errors);
            return await ShowAsync(ct);
        }
        var made = await invitations.CreateAsync(User.Id(), ((Outcome<NodaTime.Duration>.Ok)lifetime).Value, Note, ct);
        if (made is Outcome<(string, Data.Entities.Invitation)>.Invalid bad)
        {
            AddErrors(bad.Errors);
            return await ShowAsync(ct);
        }
        var (secret, row) = ((Outcome<(string Secret, Data.Entities.Invitation Row)>.Ok)made).Value;
        NewLink = Invitations.Link(publicUrl.Value, secret);
        NewLinkFor = $"Invitation {row.Id} (works once, until {Invitations.ListTime(row.ExpiresAt)}). Send it to the person yourself:";
        Note = null;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) =>
        await ShowAsync(ct, await invitations.RevokeAsync(Id, ct) switch
        {
            Outcome<bool>.Ok { Value: true } => ($"Invitation {Id} withdrawn: its link makes no account now.", false),
            Outcome<bool>.Ok => ($"Invitation {Id} was withdrawn already.", false),
            Outcome<bool>.Conflict c => (c.Title + " " + c.Detail, true),
            _ => ("There is no such invitation.", true),
        });

    private async Task<PageResult> ShowAsync(CancellationToken ct, (string Text, bool Error)? message = null)
    {
        Message = message?.Text;
        MessageIsError = message?.Error ?? false;
        AccountRows = await list.ListAsync(ct);
        InvitationRows = await invitations.ListAsync(ct);
        return Page();
    }
}
