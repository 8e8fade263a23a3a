using System.Threading.RateLimiting;

namespace Wane.Web;

/// <summary>
/// Requests whose bearer token does not authenticate (unknown, revoked, malformed, of a disabled account), counted per
/// client address: <c>RateLimits:BadToken:PermitLimit</c> (20) per <c>RateLimits:BadToken:WindowSeconds</c> (60);
/// 0 turns it off. The API's own limit is per token, so without this each made-up token would get a fresh window and
/// guessing would never be slowed. A token that authenticates is never counted here, so a person behind the same
/// address as a guesser keeps working.
/// </summary>
internal sealed class BadTokenLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly TimeSpan _window;

    public BadTokenLimit(IConfiguration config)
    {
        var permits = config.GetValue("RateLimits:BadToken:PermitLimit", 20);
        _window = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("RateLimits:BadToken:WindowSeconds", 60)));
        _limiter = permits <= 0 ? null : PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = _window,
            QueueLimit = 0,
        }));
    }

    /// <summary>Counts one failed token from <paramref name="client"/>; how long it must wait when it is over the limit, else null.</summary>
    public TimeSpan? Count(string client)
    {
        if (_limiter is null)
        {
            return null;
        }
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _window;
    }

    public void Dispose() => _limiter?.Dispose();
}
