using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wane.Data.Entities;

namespace Wane.Features.Accounts;

/// <summary>
/// The second step of signing in, for people who turned on two-factor sign-in: a code from their authenticator
/// app, or one of their recovery codes (each works once). Wrong codes slow down like wrong passwords.
/// </summary>
internal sealed class SignInSecondFactorModel(SignInManager<WaneUser> signIn, SignInGate gate) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/signin") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The step's cookie lasts five minutes: start again with the password.
            return Redirect("/signin");
        }
        if (user.DisabledAt is not null)
        {
            // Disabled between the password and the code.
            await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            Message = SignInGate.DisabledMessage;
            return Page();
        }
        var code = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        var attempt = await gate.CheckSecondFactorAsync(user, async () => code.Length > 0 && (IsAuthenticatorCode(code)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: true, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code)).Succeeded, ct);
        switch (attempt)
        {
            case SignInGate.Attempt.Passed:
                gate.RememberDevice(Response, user, Request.IsHttps);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInGate.Attempt.Wait wait:
                Message = $"Too many wrong codes. Wait {wait.Seconds} second{(wait.Seconds == 1 ? "" : "s")} and try again.";
                return Page();
            default:
                Message = "That code did not work. Codes from the app change every 30 seconds; a recovery code works once.";
                return Page();
        }
    }

    private static bool IsAuthenticatorCode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);
}
