using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wane.Data.Entities;

namespace Wane.Features.Accounts;

/// <summary>Cookie sign-in: failures slow down per name, never lock the owner out (<see cref="SignInGate"/>).</summary>
internal sealed class SignInModel(Accounts accounts, SignInManager<WaneUser> signIn, SignInGate gate, SignUpPolicy policy) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }
    public bool SignUpAllowed => policy.Allowed;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await accounts.AnyAsync(ct) ? Page() : Redirect("/setup");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await gate.CheckAsync(Name, Password, Request.Cookies[SignInGate.DeviceCookie], ct))
        {
            case SignInGate.Attempt.Passed passed:
                if (passed.User.TwoFactorEnabled)
                {
                    // Identity's own path: it keeps who passed the password in a short-lived cookie for the next step.
                    var result = await signIn.PasswordSignInAsync(passed.User, Password ?? "", isPersistent: true, lockoutOnFailure: false);
                    if (result.RequiresTwoFactor)
                    {
                        return Redirect("/signin/two-factor" + (Url.IsLocalUrl(ReturnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl!) : ""));
                    }
                    if (!result.Succeeded)
                    {
                        Message = "That name and password do not match.";
                        return Page();
                    }
                }
                else
                {
                    await signIn.SignInAsync(passed.User, isPersistent: true);
                }
                gate.RememberDevice(Response, passed.User, Request.IsHttps);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInGate.Attempt.Wait wait:
                Message = $"Too many failed attempts for this name. Wait {wait.Seconds} second{(wait.Seconds == 1 ? "" : "s")} and try again. A browser you have signed in on before does not have to wait.";
                return Page();
            default:
                Message = "That name and password do not match.";
                return Page();
        }
    }
}
