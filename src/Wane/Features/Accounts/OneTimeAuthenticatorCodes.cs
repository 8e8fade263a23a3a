using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OtpNet;
using Wane.Data;
using Wane.Data.Entities;

namespace Wane.Features.Accounts;

/// <summary>
/// Identity's authenticator codes (TOTP, RFC 6238: 30-second steps, six digits, the same two steps either side
/// for a phone's clock), each accepted once (OWASP ASVS 2.8.4): the step of the last accepted code is kept per
/// person, and a code of that step or an earlier one is refused like a wrong code. The step is claimed by one
/// conditional update, so two requests racing with the same code cannot both pass.
/// </summary>
internal sealed class OneTimeAuthenticatorCodes(WaneDb db, IClock clock) : AuthenticatorTokenProvider<WaneUser>
{
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<WaneUser> manager, WaneUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (token is not { Length: 6 } || !token.All(char.IsAsciiDigit)
            || await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false) is not { Length: > 0 } key)
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetCurrentInstant().ToDateTimeUtc(), token, out var step, Window))
        {
            return false;
        }
        var userId = user.Id;
        var claimed = await db.Users
            .Where(u => u.Id == userId && (u.TotpLastStep == null || u.TotpLastStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpLastStep, step)).ConfigureAwait(false);
        if (claimed == 0)
        {
            return false;
        }
        user.TotpLastStep = step;
        return true;
    }
}
