using Wane.Domain.Time;

namespace Wane.Features.Accounts;

/// <summary>
/// The signed-in person's local days, remembered for one request (scope): the token lookup reads the
/// zone and day-start hour with the token, so handlers need not read the profile again.
/// </summary>
internal sealed class RequestDays
{
    private (string UserId, LocalDays Days)? _known;

    public void Remember(string userId, LocalDays days) => _known = (userId, days);

    public LocalDays? For(string userId) => _known is { } k && k.UserId == userId ? k.Days : null;

    public void Forget() => _known = null;
}
