using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wane.Features.Help;

internal sealed class ResourcesModel(ResourceDirectory directory) : PageModel
{
    public ResourceData Data => directory.Data;
}
