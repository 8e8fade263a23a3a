using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>
/// First run: create the first account (the admin). Afterwards, sign-up when the admin allows it, or with an
/// invitation (<c>?invite=…</c>) when open sign-up is off.
/// </summary>
internal sealed class SetupModel(Accounts accounts, Invitations invitations, SignInManager<WaneUser> signIn, SignUpPolicy policy) : FormPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    [BindProperty] public string? TimeZone { get; set; } = Accounts.MachineZone();
    [BindProperty(SupportsGet = true)] public string? Invite { get; set; }

    public bool FirstAccount { get; private set; }

    /// <summary>Why the invitation in the link makes no account (no form is shown then).</summary>
    public string? Refusal { get; private set; }

    // With open sign-up (or for the first account) an invitation is not needed, and is left unused.
    private bool Invited => !FirstAccount && !policy.Allowed;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FirstAccount = !await accounts.AnyAsync(ct);
        if (!Invited)
        {
            return Page();
        }
        if (string.IsNullOrEmpty(Invite))
        {
            return Redirect("/signin");
        }
        return await invitations.RefusalAsync(Invite, ct) is { } refusal ? Refuse(refusal) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        FirstAccount = !await accounts.AnyAsync(ct);
        if (Invited && string.IsNullOrEmpty(Invite))
        {
            return Redirect("/signin");
        }
        if (Password != Confirm)
        {
            AddErrors([new("confirm", "The two passwords differ.")]);
            return Page();
        }
        var outcome = Invited
            ? await invitations.SignUpAsync(Invite, Name, Password, TimeZone, ct)
            : await accounts.CreateAsync(Name, Password, TimeZone);
        switch (outcome)
        {
            case Outcome<WaneUser>.Ok ok:
                await signIn.SignInAsync(ok.Value, isPersistent: true);
                return Redirect("/products?welcome=true");
            case Outcome<WaneUser>.Invalid bad when bad.Errors.FirstOrDefault(e => e.Field == "invite") is { } refused:
                return Refuse(refused.Message);
            case Outcome<WaneUser>.Invalid bad:
                AddErrors(bad.Errors);
                return Page();
            default:
                throw new InvalidOperationException();
        }
    }

    private PageResult Refuse(string message)
    {
        Refusal = message;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
