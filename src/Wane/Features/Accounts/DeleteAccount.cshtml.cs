using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>Deletes the signed-in person's account after their password, signs them out, and says it is done.</summary>
internal sealed class DeleteAccountModel(DeleteAccount delete, SignInManager<WaneUser> signIn) : FormPage
{
    [BindProperty] public string? Password { get; set; }

    public IReadOnlyList<ErrorLink> ErrorLinks =>
        Errors.TryGetValue("password", out var message) ? [new ErrorLink("#delete-password", "Password: " + message)] : [];


    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await delete.WithPasswordAsync(User.Id(), Password, ct))
        {
            case Outcome<int>.Ok:
                await signIn.SignOutAsync();
                // The device cookie trusted this name for sign-in; the name is free now, so it goes too.
                Response.Cookies.Delete(SignInGate.DeviceCookie);
                return Redirect("/account/deleted");
            case Outcome<int>.Invalid bad:
                AddErrors(bad.Errors);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                return Redirect("/signin");
        }
    }
}
