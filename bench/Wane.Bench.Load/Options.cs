using System.Globalization;
using System.Net;

namespace Wane.Bench.Load;

/// <summary>Command-line options of the load driver. Every loop is bounded by time and by count.</summary>
internal sealed record Options
{
    public Uri Url { get; init; } = new("http://127.0.0.1/");

    /// <summary>Every node to send to (the first is <see cref="Url"/>); requests take them in turn, round-robin.</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [];
    public string Token { get; init; } = "";
    public long ProductId { get; init; }
    public string RawDb { get; init; } = "";
    public string? AppDb { get; init; }
    public string? AppPostgres { get; init; }
    public int Seconds { get; init; } = 20;
    public int WarmupSeconds { get; init; } = 3;
    public int Concurrency { get; init; } = 8;
    public int Rounds { get; init; } = 5;
    public long MaxRequests { get; init; } = 5_000_000;
    public long MaxInserts { get; init; } = 5_000_000;
    public int RequestTimeoutSeconds { get; init; } = 30;
    public IReadOnlyList<int> ServerPids { get; init; } = [];
    public int? ServerPid => ServerPids.Count > 0 ? ServerPids[0] : null;
    public int? DatabasePid { get; init; }
    public bool TakenAtNow { get; init; }
    public int SpacingMinutes { get; init; } = 240;
    public bool RunHttp { get; init; } = true;
    public bool RunRaw { get; init; } = true;

    public const string Usage = """
        wane-bench-load: HTTP dose-logging rate vs. a raw SQLite insert loop with the same durability settings.

        Required (the first three for the HTTP phase, the last for the raw phase):
          --url URL[,URL...]      base URL of a running `wane serve` on loopback, e.g. http://127.0.0.1:5199;
                                  several (nodes on one database) are sent requests in turn, round-robin
          --token TOKEN           personal access token (or set WANE_BENCH_TOKEN)
          --product ID            id of a product owned by the token's user
          --raw-db PATH           SQLite file for the raw loop; must not exist yet (put it on the same
                                  file system as the app's data dir so both pay the same fsync)
        Optional:
          --seconds N             measured duration of each phase (default 20, 1..3600)
          --warmup-seconds N      unmeasured warm-up before each phase (default 3, 0..600)
          --concurrency N         concurrent HTTP workers (default 8, 1..256)
          --rounds N              split each phase's measured time into N slices and alternate them
                                  (http, raw, http, raw, ...), so that both sides see the same disk and
                                  CPU weather; 1 runs the whole HTTP phase, then the whole raw phase
                                  (default 5, 1..100, at most --seconds)
          --max-requests N        hard cap on measured HTTP requests (default 5000000)
          --max-inserts N         hard cap on measured raw inserts (default 5000000)
          --request-timeout N     per-request timeout in seconds (default 30)
          --phases LIST           http,raw (default), or just http or raw, e.g. to profile one side;
                                  the ratio is printed only when both run
          --taken-at MODE         spaced (default): each dose is sent with takenAt = 2001-01-01 + n x spacing,
                                  so the user's history grows at a steady, lifelike density and the guardrail
                                  window every request reads stays the same size however long the run;
                                  now: takenAt is omitted (the server stamps now), so every dose of the run
                                  lands in the window and each request reads all the doses logged before it
          --spacing-minutes N     time between spaced doses (default 240 = 6 a day, 1..10080)
          --server-pid PID[,PID]  the server's process id(s), to report their CPU use apart from other processes
          --database-pid PID      the PostgreSQL postmaster's id: its CPU and its backends' count as server CPU too
          --app-db PATH           the app's wane.db; if given, the driver counts doses rows before and
                                  after the HTTP phase to check every 201 was stored
          --app-postgres CONNSTR  the same check on PostgreSQL (a connection string to the app's database)
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message on bad input.</summary>
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument \"{name}\" (options take the form --name value).");
            }
            values[name[2..]] = args[++i];
        }

        string? Take(string key)
        {
            if (values.Remove(key, out var v))
            {
                return v;
            }
            return null;
        }

        string Required(string key) => Take(key) ?? throw new ArgumentException($"--{key} is required.");

        int Int(string key, int fallback, int min, int max)
        {
            var text = Take(key);
            if (text is null)
            {
                return fallback;
            }
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            {
                throw new ArgumentException($"--{key} must be a whole number from {min} to {max}.");
            }
            return n;
        }

        long Long(string key, long fallback, long min, long max)
        {
            var text = Take(key);
            if (text is null)
            {
                return fallback;
            }
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            {
                throw new ArgumentException($"--{key} must be a whole number from {min} to {max}.");
            }
            return n;
        }

        var phases = (Take("phases") ?? "http,raw").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (phases.Length == 0 || phases.Any(p => p is not ("http" or "raw")))
        {
            throw new ArgumentException("--phases takes http, raw or http,raw.");
        }
        var runHttp = phases.Contains("http");
        var runRaw = phases.Contains("raw");

        var options = new Options
        {
            Seconds = Int("seconds", 20, 1, 3600),
            WarmupSeconds = Int("warmup-seconds", 3, 0, 600),
            Concurrency = Int("concurrency", 8, 1, 256),
            Rounds = Int("rounds", 5, 1, 100),
            MaxRequests = Long("max-requests", 5_000_000, 1, 100_000_000),
            MaxInserts = Long("max-inserts", 5_000_000, 1, 100_000_000),
            RequestTimeoutSeconds = Int("request-timeout", 30, 1, 600),
            AppDb = Take("app-db") is { } app ? Path.GetFullPath(app) : null,
            AppPostgres = Take("app-postgres"),
            ServerPids = Take("server-pid") is { } pids ? [.. pids.Split(',').Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException("--server-pid takes process ids separated by commas."))] : [],
            DatabasePid = values.ContainsKey("database-pid") ? Int("database-pid", 0, 1, int.MaxValue) : null,
            TakenAtNow = (Take("taken-at") ?? "spaced") switch
            {
                "spaced" => false,
                "now" => true,
                var other => throw new ArgumentException($"--taken-at takes spaced or now, not \"{other}\"."),
            },
            SpacingMinutes = Int("spacing-minutes", 240, 1, 10080),
            RunHttp = runHttp,
            RunRaw = runRaw,
        };
        if (options.Rounds > options.Seconds)
        {
            throw new ArgumentException("--rounds can be at most --seconds (a slice of at least one second).");
        }
        if (runHttp)
        {
            var urls = Required("url").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u, UriKind.Absolute)).ToList();
            if (urls.Count == 0 || urls.Any(url => url.Scheme != Uri.UriSchemeHttp || !IPAddress.TryParse(url.Host, out var ip) || !ip.Equals(IPAddress.Loopback)))
            {
                throw new ArgumentException("--url must be http://127.0.0.1:PORT: the driver only talks to the local loopback address.");
            }
            var url = urls[0];
            var token = Take("token") ?? Environment.GetEnvironmentVariable("WANE_BENCH_TOKEN");
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new ArgumentException("--token (or WANE_BENCH_TOKEN) is required.");
            }
            options = options with
            {
                Url = url,
                Urls = urls,
                Token = token.Trim(),
                ProductId = Long("product", 0, 1, long.MaxValue),
            };
            if (options.ProductId == 0)
            {
                throw new ArgumentException("--product is required.");
            }
        }
        if (runRaw)
        {
            options = options with { RawDb = Path.GetFullPath(Required("raw-db")) };
        }
        // Options of a phase that is not run are accepted and ignored, so one command line serves every --phases.
        foreach (var unused in new[] { "url", "token", "product", "raw-db" })
        {
            values.Remove(unused);
        }
        if (values.Count > 0)
        {
            throw new ArgumentException("Unknown option(s): " + string.Join(", ", values.Keys.Select(k => "--" + k)) + ".");
        }
        return options;
    }
}
