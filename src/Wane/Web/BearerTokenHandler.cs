using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wane.Features.Accounts;

namespace Wane.Web;

/// <summary>Authenticates <c>Authorization: Bearer &lt;personal access token&gt;</c> for the API.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens,
    BadTokenLimit badTokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    // Set when this client has sent too many tokens that do not authenticate: the challenge answers 429.
    private const string RetryAfterKey = "wane:bad-token-wait";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        // Any other scheme counts as a bad token too: each different header value has a rate-limit window of its own.
        var userId = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false)
            : null;
        if (userId is null)
        {
            if (badTokens.Count(Context.Connection.RemoteIpAddress?.ToString() ?? "unknown") is { } wait)
            {
                Context.Items[RetryAfterKey] = wait;
            }
            return AuthenticateResult.Fail("The access token is unknown or revoked.");
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RetryAfterKey] is TimeSpan wait)
        {
            return RateLimits.RefuseAsync(Context, wait, Context.RequestAborted).AsTask();
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var problem = new ProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            Title = "Send a personal access token: Authorization: Bearer <token>.",
            Status = StatusCodes.Status401Unauthorized,
        };
        return Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", Context.RequestAborted);
    }
}
