using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>Change password with the current one; every other session ends, this one stays.</summary>
internal sealed class ChangePasswordModel(UserManager<WaneUser> users, SigninSessions sessions) : FormPage
{
    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? New { get; set; }
    [BindProperty] public string? Confirm { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(New) || New != Confirm)
        {
            AddErrors([new FieldError("confirm", "The two new passwords differ.")]);
            return Page();
        }
        var user = await users.FindByIdAsync(User.Id());
        if (user is null)
        {
            return Redirect("/signin");
        }
        var result = await users.ChangePasswordAsync(user, Current ?? "", New);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors.Select(e => e.Code == "PasswordMismatch"
                ? new FieldError("current", "That is not your current password.")
                : new FieldError("new", e.Description)));
            return Page();
        }
        await sessions.EndAllAsync(user.Id, User.FindFirstValue(SigninSessions.ClaimType), ct);
        return Redirect("/sessions?done=password");
    }
}
