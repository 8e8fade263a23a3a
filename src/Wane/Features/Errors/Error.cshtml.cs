using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wane.Features.Errors;

/// <summary>
/// The page behind every error status outside the API (re-executed by the status code pages and the
/// exception handler): inside the layout, so the navigation and Get help are always one tap away.
/// </summary>
[IgnoreAntiforgeryToken] // a failed POST is re-executed here; the error page itself changes nothing
internal sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        404 => "Page not found",
        400 => "That request could not be read",
        403 => "Not allowed",
        405 => "That action is not available here",
        >= 500 => "Something went wrong",
        _ => "That did not work",
    };

    public string Explanation => Code switch
    {
        404 => "There is no page at this address. It may have been mistyped, or the item was deleted.",
        400 => "The form may have expired (for example after signing in again elsewhere). Go back, reload the page and try again; nothing was changed.",
        >= 500 => "Wane could not finish this request. Nothing was half-saved: try again, and if it keeps happening, the server log says why.",
        _ => "Go back and try again.",
    };

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        // Reached directly (not re-executed), the page still answers with the status it describes.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            Response.StatusCode = Code;
        }
        return Page();
    }
}
