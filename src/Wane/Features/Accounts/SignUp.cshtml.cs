using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wane.Features.Accounts;

/// <summary>/signup is the account form of /setup (open when sign-up is allowed, or with an invitation).</summary>
internal sealed class SignUpModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Invite { get; set; }

    public IActionResult OnGet() => Redirect(string.IsNullOrEmpty(Invite) ? "/setup" : "/setup?invite=" + Uri.EscapeDataString(Invite));
}
