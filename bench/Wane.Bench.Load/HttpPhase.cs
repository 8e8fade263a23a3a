using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Wane.Bench.Load;

/// <summary>What one HTTP run measured.</summary>
internal sealed record HttpResult(
    long Ok,
    long Errors,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, long> ErrorsByKind,
    IReadOnlyList<string> SampleErrors,
    double[] LatenciesMs)
{
    public double Rate => Elapsed > TimeSpan.Zero ? Ok / Elapsed.TotalSeconds : 0;

    /// <summary>The sum of several slices; latencies merged and sorted.</summary>
    public static HttpResult Sum(IReadOnlyList<HttpResult> slices)
    {
        var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, n) in slices.SelectMany(s => s.ErrorsByKind))
        {
            kinds[kind] = kinds.GetValueOrDefault(kind) + n;
        }
        var latencies = slices.SelectMany(s => s.LatenciesMs).ToArray();
        Array.Sort(latencies);
        return new HttpResult(
            slices.Sum(s => s.Ok),
            slices.Sum(s => s.Errors),
            TimeSpan.FromTicks(slices.Sum(s => s.Elapsed.Ticks)),
            kinds,
            slices.SelectMany(s => s.SampleErrors).Take(5).ToList(),
            latencies);
    }
}

/// <summary>
/// N workers share one connection pool (per node; with several nodes each request goes to the next, round-robin) and post the same dose in a loop: each worker sends its next request
/// as soon as the previous one has answered (a closed loop), until the duration or the request cap is reached.
/// </summary>
internal sealed class HttpPhase(Options options) : IDisposable
{
    private const int MaxSampleErrors = 5;

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
        DefaultRequestVersion = HttpVersion.Version11,
    };

    // No clientId: a fixed one would turn every request after the first into an idempotent replay (200),
    // which is not what is being measured.
    private readonly string _bodyPrefix = string.Create(CultureInfo.InvariantCulture,
        $$"""{"productId": {{options.ProductId}}, "amount": 2.5, "unit": "g", "meal": "before", "reason": "pain", "painBefore": 5""");

    private static readonly DateTime HistoryStart = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TimeSpan _spacing = TimeSpan.FromMinutes(options.SpacingMinutes);
    private readonly long _perCycle = Math.Max(1, (long)((DateTime.UtcNow.AddHours(-1) - HistoryStart) / TimeSpan.FromMinutes(options.SpacingMinutes)));
    private long _sequence = -1;
    private long _turn = -1;
    private readonly Uri[] _targets = [.. (options.Urls.Count > 0 ? options.Urls : [options.Url]).Select(u => new Uri(u, "api/v1/doses"))];

    /// <summary>
    /// How many times the spaced takenAt ran out of room before now and started again (each time the history
    /// gets denser than the spacing says). 0 in any run of ordinary length.
    /// </summary>
    public long Wraps => Math.Max(0, Interlocked.Read(ref _sequence)) / _perCycle;

    private byte[] NextBody()
    {
        if (options.TakenAtNow)
        {
            return Encoding.UTF8.GetBytes(_bodyPrefix + "}");
        }
        // Every worker takes the next slot, so the doses stay (nearly) in time order, one spacing apart.
        var n = Interlocked.Increment(ref _sequence);
        var cycle = n / _perCycle;
        var takenAt = HistoryStart + (_spacing * (n % _perCycle)) + TimeSpan.FromMinutes(7 * cycle);
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{_bodyPrefix}, \"takenAt\": \"{takenAt:yyyy-MM-dd'T'HH:mm:ss'Z'}\"}}"));
    }

    public void Dispose() => _client.Dispose();

    /// <summary>One request; throws if the dose is not created, so the setup is checked before any load.</summary>
    public async Task ProbeAsync(CancellationToken ct)
    {
        using var response = await SendAsync(ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException(
                $"POST /api/v1/doses answered {(int)response.StatusCode} {response.StatusCode}, expected 201 Created: {Shorten(text)}");
        }
    }

    public Task<HttpResult> RunAsync(TimeSpan duration, long maxRequests, CancellationToken ct) =>
        RunCoreAsync(duration, maxRequests, recordLatency: true, ct);

    public Task<HttpResult> WarmUpAsync(TimeSpan duration, long maxRequests, CancellationToken ct) =>
        RunCoreAsync(duration, maxRequests, recordLatency: false, ct);

    private async Task<HttpResult> RunCoreAsync(TimeSpan duration, long maxRequests, bool recordLatency, CancellationToken ct)
    {
        long issued = 0;
        long ok = 0;
        long errors = 0;
        var errorsByKind = new Dictionary<string, long>(StringComparer.Ordinal);
        var samples = new List<string>();
        var latencies = new List<double>[options.Concurrency];

        // A hard stop slightly after the duration: a hung server cannot keep the phase running forever.
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        hardStop.CancelAfter(duration + TimeSpan.FromSeconds(options.RequestTimeoutSeconds + 5));

        var clock = Stopwatch.StartNew();
        var workers = new Task[options.Concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            var mine = latencies[w] = new List<double>(capacity: 4096);
            workers[w] = Task.Run(async () =>
            {
                while (clock.Elapsed < duration && Interlocked.Increment(ref issued) <= maxRequests)
                {
                    var started = Stopwatch.GetTimestamp();
                    string? failure;
                    try
                    {
                        using var response = await SendAsync(hardStop.Token);
                        // Read the body so the connection goes back to the pool, as a real client would.
                        var body = await response.Content.ReadAsByteArrayAsync(hardStop.Token);
                        failure = response.StatusCode == HttpStatusCode.Created
                            ? null
                            : $"HTTP {(int)response.StatusCode}|{Shorten(Encoding.UTF8.GetString(body))}";
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        failure = $"{e.GetType().Name}|{Shorten(e.Message)}";
                    }
                    var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (failure is null)
                    {
                        Interlocked.Increment(ref ok);
                        if (recordLatency)
                        {
                            mine.Add(elapsedMs);
                        }
                        continue;
                    }
                    Interlocked.Increment(ref errors);
                    lock (errorsByKind)
                    {
                        var kind = failure[..failure.IndexOf('|', StringComparison.Ordinal)];
                        errorsByKind[kind] = errorsByKind.GetValueOrDefault(kind) + 1;
                        if (samples.Count < MaxSampleErrors)
                        {
                            samples.Add(failure.Replace("|", ": ", StringComparison.Ordinal));
                        }
                    }
                    if (hardStop.IsCancellationRequested)
                    {
                        return;
                    }
                }
            }, CancellationToken.None);
        }
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;

        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new HttpResult(ok, errors, elapsed, errorsByKind, samples, all);
    }

    private Task<HttpResponseMessage> SendAsync(CancellationToken ct)
    {
        var content = new ByteArrayContent(NextBody());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, _targets[(int)(Interlocked.Increment(ref _turn) % _targets.Length)]) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        return SendAndDisposeRequestAsync(request, ct);
    }

    private async Task<HttpResponseMessage> SendAndDisposeRequestAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            return await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 200 ? oneLine : oneLine[..200] + "...";
    }
}
