using System.Security.Claims;

namespace Wane.Features.Common;

internal static class UserIdentity
{
    /// <summary>The signed-in user's id. Every query is scoped by it.</summary>
    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}
