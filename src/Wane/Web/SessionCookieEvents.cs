using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Wane.Features.Accounts;

namespace Wane.Web;

/// <summary>
/// Ties the sign-in cookie to a server-side session (ADR 0014): signing in records one, every request
/// checks it still exists, signing out deletes it. A cookie whose session has ended gets the sign-in page.
/// This replaces Identity's security-stamp check, which would end the current session on a password
/// change too, and only every 30 minutes.
/// </summary>
internal sealed class SessionCookieEvents(SigninSessions sessions) : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst(SigninSessions.ClaimType) is null
            && identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } userId)
        {
            var key = await sessions.StartAsync(userId, context.HttpContext.Request.Headers.UserAgent.ToString(), context.HttpContext.RequestAborted).ConfigureAwait(false);
            identity.AddClaim(new Claim(SigninSessions.ClaimType, key));
        }
        await base.SigningIn(context).ConfigureAwait(false);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var key = context.Principal?.FindFirstValue(SigninSessions.ClaimType);
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (key is null || userId is null || !await sessions.TouchAsync(key, userId, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name).ConfigureAwait(false);
        }
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        if (context.HttpContext.User.FindFirstValue(SigninSessions.ClaimType) is { } key)
        {
            await sessions.EndAsync(key, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        await base.SigningOut(context).ConfigureAwait(false);
    }
}
