using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wane.Data.Entities;

namespace Wane.Features.Accounts;

/// <summary>Signs out (POST with antiforgery; a GET only redirects).</summary>
internal sealed class SignOutModel(SignInManager<WaneUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/signin");
    }
}
