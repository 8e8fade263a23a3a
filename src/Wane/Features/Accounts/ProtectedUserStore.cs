using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Wane.Data;
using Wane.Data.Entities;

namespace Wane.Features.Accounts;

/// <summary>
/// Identity's store, with the values of user tokens (the authenticator key and the recovery codes) encrypted
/// by data protection, whose keys are themselves encrypted apart from the database (ADR 0014): a copy of
/// <c>wane.db</c> does not reveal anyone's second factor.
/// </summary>
internal sealed class ProtectedUserStore(WaneDb db, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<WaneUser, WaneDb, string>(db, describer)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Wane.Identity.UserTokens.v1");

    public override Task SetTokenAsync(WaneUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : _protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(WaneUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            // Not readable with this instance's keys: as if there were none (set up again).
            return null;
        }
    }
}
