using System.Runtime.InteropServices;
using Wane.Bench.Load;

// Exit codes: 0 measured, 1 bad usage or setup, 2 measured but some HTTP requests failed or 201s went missing.
const double Target = 0.25;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(Options.Usage);
    return 0;
}

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or UriFormatException)
{
    Console.Error.WriteLine("error: " + e.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(Options.Usage);
    return 1;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

var duration = TimeSpan.FromSeconds(options.Seconds);
var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);

Console.WriteLine("== Wane load benchmark ==");
Say($"date          {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
Say($"machine       {Environment.ProcessorCount} logical cores, {Machine.CpuModel()}, {RuntimeInformation.OSDescription}");
Say($"runtime       {RuntimeInformation.FrameworkDescription}; driver and server share the machine");
Say($"load average  {Machine.LoadAverage()} (1/5/15 min, before the run)");
Say($"durability    {RawPhase.PragmasSql}");
Say($"raw db        {options.RawDb} ({Machine.FileSystemOf(options.RawDb)})");
if (options.AppDb is not null)
{
    Say($"app db        {options.AppDb} ({Machine.FileSystemOf(options.AppDb)})");
}
Console.WriteLine();

HttpResult http;
long? storedBefore = null;
long? storedAfter = null;
using (var phase = new HttpPhase(options))
{
    try
    {
        await phase.ProbeAsync(cts.Token);
    }
    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
    {
        Console.Error.WriteLine($"error: the server at {options.Url} did not log a probe dose: {e.Message}");
        return 1;
    }
    Say($"HTTP phase: POST /api/v1/doses, {options.Concurrency} concurrent workers, {options.WarmupSeconds} s warm-up + {options.Seconds} s measured ...");
    var warm = await phase.WarmUpAsync(warmup, options.MaxRequests, cts.Token);
    if (options.AppDb is not null)
    {
        storedBefore = RawPhase.CountDoses(options.AppDb);
    }
    http = await phase.RunAsync(duration, options.MaxRequests, cts.Token);
    if (options.AppDb is not null)
    {
        storedAfter = RawPhase.CountDoses(options.AppDb);
    }
    Say($"  warm-up       {warm.Ok} ok, {warm.Errors} errors");
}
Say($"  requests ok   {http.Ok} (201 Created)");
Say($"  errors        {http.Errors}{(http.Errors == 0 ? "" : " (" + string.Join(", ", http.ErrorsByKind.Select(kv => $"{kv.Key}: {kv.Value}")) + ")")}");
foreach (var sample in http.SampleErrors)
{
    Say($"    e.g. {sample}");
}
Say($"  elapsed       {http.Elapsed.TotalSeconds:0.00} s");
Say($"  doses/s       {http.Rate:0.0}");
Say($"  latency ms    p50 {Pct(http.LatenciesMs, 0.50):0.00}  p95 {Pct(http.LatenciesMs, 0.95):0.00}  p99 {Pct(http.LatenciesMs, 0.99):0.00}  max {Pct(http.LatenciesMs, 1):0.00}  (of the 201s)");
var storedMismatch = false;
if (storedBefore is { } before && storedAfter is { } after)
{
    storedMismatch = after - before != http.Ok;
    Say($"  stored        {after - before} new rows in doses{(storedMismatch ? " -- MISMATCH with the 201 count" : ", one per 201")}");
}
Console.WriteLine();

if (cts.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted.");
    return 1;
}

Say($"RAW phase: one connection, prepared INSERT, autocommit (one transaction per row), {options.WarmupSeconds} s warm-up + {options.Seconds} s measured ...");
var raw = RawPhase.Run(options.RawDb, warmup, duration, options.MaxInserts);
Say($"  sqlite        {raw.SqliteVersion}; journal_mode={raw.JournalMode}, synchronous={raw.Synchronous}, foreign_keys={raw.ForeignKeys}");
Say($"  inserts       {raw.Inserts}");
Say($"  elapsed       {raw.Elapsed.TotalSeconds:0.00} s");
Say($"  inserts/s     {raw.Rate:0.0}");
Say($"  latency ms    {1000.0 / raw.Rate:0.000} per insert (mean)");
Console.WriteLine();

var ratio = http.Rate / raw.Rate;
Say($"RESULT concurrency={options.Concurrency} seconds={options.Seconds} http_ok={http.Ok} http_errors={http.Errors} http_per_s={http.Rate:0.0} raw_per_s={raw.Rate:0.0} ratio={ratio:0.000} p50_ms={Pct(http.LatenciesMs, 0.50):0.00} p95_ms={Pct(http.LatenciesMs, 0.95):0.00} cores={Environment.ProcessorCount}");
Say($"ratio http/raw = {ratio:0.00} (target >= {Target:0.00}): {(ratio >= Target ? "met" : "NOT met")}");
return http.Errors > 0 || storedMismatch ? 2 : 0;

// Nearest-rank percentile of sorted values; NaN when there are none.
static double Pct(double[] sorted, double p) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

// Every number in the report is formatted with the invariant culture ("617.3", never "617,3").
static void Say(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));
