using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wane.Domain;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>The page a reset link opens (<see cref="ResetPassword"/>): a new password, twice; then sign in.</summary>
internal sealed class ResetPasswordModel(ResetPassword reset) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await reset.OwnerAsync(Token, ct) is null)
        {
            return Refuse(ResetPassword.Refused);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Password != Confirm)
        {
            AddErrors([new FieldError("confirm", "The two passwords differ.")]);
            return Page();
        }
        switch (await reset.UseAsync(Token, Password, ct))
        {
            case Outcome<int>.Ok:
                return Redirect("/signin?reset=done");
            case Outcome<int>.Invalid bad when bad.Errors.Any(e => e.Field == "link"):
                return Refuse(ResetPassword.Refused);
            case Outcome<int>.Invalid bad:
                AddErrors(bad.Errors);
                return Page();
            default:
                return Refuse(ResetPassword.Refused);
        }
    }

    private PageResult Refuse(string message)
    {
        Refusal = message;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
