using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wane.Features.Accounts;

/// <summary>Where a person lands after deleting their account (anyone may see it: they are signed out).</summary>
internal sealed class AccountDeletedModel : PageModel
{
}
