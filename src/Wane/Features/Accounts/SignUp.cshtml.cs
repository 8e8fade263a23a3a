using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wane.Features.Accounts;

/// <summary>/signup is the account form of /setup (open only when sign-up is allowed).</summary>
internal sealed class SignUpModel : PageModel
{
    public IActionResult OnGet() => Redirect("/setup");
}
