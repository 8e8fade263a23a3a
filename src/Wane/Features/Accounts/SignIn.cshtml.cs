using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wane.Data.Entities;

namespace Wane.Features.Accounts;

/// <summary>
/// Cookie sign-in: failures slow down per name, never lock the owner out (<see cref="SignInGate"/>). Or with a passkey
/// (<c>/assets/passkeys.js</c>), which skips the authenticator code: a passkey is a device and its unlock, two factors.
/// </summary>
internal sealed class SignInModel(Accounts accounts, SignInManager<WaneUser> signIn, SignInGate gate, SignUpPolicy policy) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Credential { get; set; }

    public string? Message { get; private set; }
    public bool SignUpAllowed => policy.Allowed;

    /// <summary>Arrived from a reset link that set a new password.</summary>
    public bool PasswordReset => Request.Query["reset"] == "done";

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
            case SignInGate.Attempt.Disabled:
                Message = SignInGate.DisabledMessage;
                return Page();
            case SignInGate.Attempt.Wait wait:
                Message = $"Too many failed attempts for this name. Wait {wait.Seconds} second{(wait.Seconds == 1 ? "" : "s")} and try again. A browser you have signed in on before does not have to wait.";
                return Page();
            default:
                Message = "That name and password do not match.";
                return Page();
        }
    }

    /// <summary>Options for <c>navigator.credentials.get</c> for any passkey of this site (discoverable: no name first).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (string.IsNullOrWhiteSpace(Credential) || Credential.Length > Passkeys.MaxCredentialJsonLength)
        {
            return PasskeyRefused("No passkey came back from the browser. Try again, or sign in with your password.");
        }
        PasskeyAssertionResult<WaneUser> result;
        try
        {
            result = await signIn.PerformPasskeyAssertionAsync(Credential);
        }
        catch (InvalidOperationException)
        {
            // No ceremony under way (its five-minute cookie expired or was never set).
            return PasskeyRefused("That took too long. Try \"Sign in with a passkey\" again.");
        }
        // The sign count and backup state move on with each use.
        if (!result.Succeeded || !(await signIn.UserManager.AddOrUpdatePasskeyAsync(result.User, result.Passkey)).Succeeded)
        {
            return PasskeyRefused("That passkey did not sign you in. It may have been removed from your account. Sign in with your password.");
        }
        if (result.User.DisabledAt is not null)
        {
            return PasskeyRefused(SignInGate.DisabledMessage);
        }
        // The same session as a password sign-in (recorded by the cookie's SigningIn event), kept as long.
        await signIn.SignInWithClaimsAsync(result.User, isPersistent: true, [new Claim("amr", "mfa")]);
        gate.RememberDevice(Response, result.User, Request.IsHttps);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult PasskeyRefused(string message)
    {
        Message = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
