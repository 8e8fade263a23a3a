using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wane.Data.Entities;

namespace Wane.Features.Accounts;

/// <summary>Cookie sign-in, with lockout after repeated failures.</summary>
internal sealed class SignInModel(Accounts accounts, SignInManager<WaneUser> signIn, SignUpPolicy policy) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }
    public bool SignUpAllowed => policy.Allowed;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await accounts.AnyAsync(ct) ? Page() : Redirect("/setup");

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Name) ? null : await accounts.FindAsync(Name);
        if (user is not null && !string.IsNullOrEmpty(Password))
        {
            var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: true, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            }
            if (result.IsLockedOut)
            {
                Message = "Too many failed attempts. This account is locked for 15 minutes.";
                return Page();
            }
        }
        Message = "That name and password do not match.";
        return Page();
    }
}
