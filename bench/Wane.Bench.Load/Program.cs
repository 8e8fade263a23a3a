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
if (options.RunRaw)
{
    Say($"raw db        {options.RawDb} ({Machine.FileSystemOf(options.RawDb)})");
}
if (options.AppDb is not null)
{
    Say($"app db        {options.AppDb} ({Machine.FileSystemOf(options.AppDb)})");
}
Console.WriteLine();

var exitCode = 0;
using var httpPhase = options.RunHttp ? new HttpPhase(options) : null;
using var rawLoop = options.RunRaw ? RawPhase.Open(options.RawDb) : null;

if (httpPhase is not null)
{
    try
    {
        await httpPhase.ProbeAsync(cts.Token);
    }
    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
    {
        Console.Error.WriteLine($"error: the server at {options.Url} did not log a probe dose: {e.Message}");
        return 1;
    }
    var warm = await httpPhase.WarmUpAsync(warmup, options.MaxRequests, cts.Token);
    Say($"HTTP          POST /api/v1/doses to {options.Urls.Count} node(s){(options.Urls.Count > 1 ? " round-robin" : "")}, {options.Concurrency} concurrent workers (closed loop), bearer token; warm-up {options.WarmupSeconds} s: {warm.Ok} ok, {warm.Errors} errors");
    Say($"              {(options.TakenAtNow ? "takenAt omitted (now): every dose of the run is in the guardrail window of the next" : FormattableString.Invariant($"takenAt spaced {options.SpacingMinutes} min apart from 2001-01-01 ({24 * 60.0 / options.SpacingMinutes:0.#} doses a day in the history)"))}");
}
if (rawLoop is not null)
{
    var warm = rawLoop.Run(warmup, options.MaxInserts, cts.Token);
    var settings = rawLoop.Settings();
    Say($"RAW           one connection, prepared INSERT, autocommit (one transaction per row); warm-up {options.WarmupSeconds} s: {warm.Inserts} rows");
    Say($"              SQLite {settings.SqliteVersion} reports journal_mode={settings.JournalMode}, synchronous={settings.Synchronous}, foreign_keys={settings.ForeignKeys}");
}
Say($"measuring     {options.Seconds} s per phase in {options.Rounds} alternating round(s) of {options.Seconds / (double)options.Rounds:0.#} s (HTTP then raw)");
Console.WriteLine();

long? CountStored() => httpPhase is null ? null
    : options.AppDb is not null ? RawPhase.CountDoses(options.AppDb)
    : options.AppPostgres is not null ? PostgresCount.Doses(options.AppPostgres)
    : null;
long? storedBefore = CountStored();
var slice = duration / options.Rounds;
var httpSlices = new List<HttpResult>();
var rawSlices = new List<RawResult>();
var httpCpu = default(CpuSnapshot);
var rawCpu = default(CpuSnapshot);
for (var round = 1; round <= options.Rounds && !cts.IsCancellationRequested; round++)
{
    var line = $"round {round}/{options.Rounds}";
    if (httpPhase is not null)
    {
        var issued = httpSlices.Sum(h => h.Ok + h.Errors);
        var cpu0 = CpuSnapshot.Take(options.ServerPids, options.DatabasePid);
        var h = await httpPhase.RunAsync(slice, Math.Max(0, options.MaxRequests - issued), cts.Token);
        httpCpu += CpuSnapshot.Take(options.ServerPids, options.DatabasePid) - cpu0;
        httpSlices.Add(h);
        line += FormattableString.Invariant($"   http {h.Rate,8:0.0}/s ({h.Errors} errors)");
    }
    if (rawLoop is not null)
    {
        var cpu0 = CpuSnapshot.Take(options.ServerPids, options.DatabasePid);
        var r = rawLoop.Run(slice, Math.Max(0, options.MaxInserts - rawSlices.Sum(x => x.Inserts)), cts.Token);
        rawCpu += CpuSnapshot.Take(options.ServerPids, options.DatabasePid) - cpu0;
        rawSlices.Add(r);
        line += FormattableString.Invariant($"   raw {r.Rate,8:0.0}/s");
        if (httpSlices.Count > 0)
        {
            line += FormattableString.Invariant($"   ratio {httpSlices[^1].Rate / r.Rate:0.000}");
        }
    }
    Console.WriteLine(line);
}
long? storedAfter = storedBefore is not null ? CountStored() : null;
Console.WriteLine();

if (cts.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted.");
    return 1;
}

HttpResult? http = null;
if (httpSlices.Count > 0)
{
    http = HttpResult.Sum(httpSlices);
    Say($"HTTP          (all rounds)");
    Say($"  requests ok   {http.Ok} (201 Created)");
    Say($"  errors        {http.Errors}{(http.Errors == 0 ? "" : " (" + string.Join(", ", http.ErrorsByKind.Select(kv => $"{kv.Key}: {kv.Value}")) + ")")}");
    foreach (var sample in http.SampleErrors)
    {
        Say($"    e.g. {sample}");
    }
    Say($"  elapsed       {http.Elapsed.TotalSeconds:0.00} s");
    Say($"  doses/s       {http.Rate:0.0}");
    Say($"  latency ms    p50 {Pct(http.LatenciesMs, 0.50):0.00}  p95 {Pct(http.LatenciesMs, 0.95):0.00}  p99 {Pct(http.LatenciesMs, 0.99):0.00}  max {Pct(http.LatenciesMs, 1):0.00}  (of the 201s)");
    var slow = http.LatenciesMs.Count(ms => ms >= 100);
    Say($"  slow          {slow} requests took 100 ms or more ({100.0 * slow / Math.Max(1, http.LatenciesMs.Length):0.00}%, {http.LatenciesMs.Where(ms => ms >= 100).Sum() / 1000 / options.Concurrency / http.Elapsed.TotalSeconds * 100:0.0}% of the workers' time)");
    if (storedBefore is { } before && storedAfter is { } after)
    {
        var mismatch = after - before != http.Ok;
        Say($"  stored        {after - before} new rows in doses{(mismatch ? " -- MISMATCH with the 201 count" : ", one per 201")}");
        exitCode = mismatch ? 2 : exitCode;
    }
    exitCode = http.Errors > 0 ? 2 : exitCode;
    CpuLine(httpCpu, http.Elapsed);
    if (options.ServerPid is not null && http.Ok > 0)
    {
        // CPU per dose holds up better than the rate when other processes compete for the cores.
        Say($"  server cpu    {httpCpu.Server * CpuSnapshot.MillisecondsPerTick / http.Ok:0.00} ms per dose (user + system){(options.DatabasePid is null ? "" : FormattableString.Invariant($": {options.ServerPids.Count} node(s) {(httpCpu.Server - httpCpu.Database) * CpuSnapshot.MillisecondsPerTick / http.Ok:0.00} + PostgreSQL {httpCpu.Database * CpuSnapshot.MillisecondsPerTick / http.Ok:0.00}"))}");
    }
    if (httpPhase!.Wraps > 0)
    {
        Say($"  note          the spaced takenAt ran past now {httpPhase.Wraps} time(s) and started over: the history is denser than the spacing");
    }
}

RawResult? raw = null;
if (rawSlices.Count > 0)
{
    var rawLatencies = rawSlices.SelectMany(r => r.LatenciesMs).ToArray();
    Array.Sort(rawLatencies);
    raw = new RawResult(rawSlices.Sum(r => r.Inserts), TimeSpan.FromTicks(rawSlices.Sum(r => r.Elapsed.Ticks)), rawLatencies);
    Say($"RAW           (all rounds)");
    Say($"  inserts       {raw.Inserts}");
    Say($"  elapsed       {raw.Elapsed.TotalSeconds:0.00} s");
    Say($"  inserts/s     {raw.Rate:0.0}");
    Say($"  latency ms    p50 {Pct(raw.LatenciesMs, 0.50):0.000}  p95 {Pct(raw.LatenciesMs, 0.95):0.000}  p99 {Pct(raw.LatenciesMs, 0.99):0.000}  max {Pct(raw.LatenciesMs, 1):0.00}  mean {1000.0 / raw.Rate:0.000}");
    CpuLine(rawCpu, raw.Elapsed);
    if (raw.Inserts > 0)
    {
        Say($"  driver cpu    {rawCpu.Driver * CpuSnapshot.MillisecondsPerTick / raw.Inserts:0.000} ms per insert (user + system)");
    }
}
Console.WriteLine();

if (http is not null && raw is null)
{
    var others = options.ServerPid is null ? "n/a" : FormattableString.Invariant($"{httpCpu.Cores(http.Elapsed, Environment.ProcessorCount).Others:0.00}");
    Say($"RESULT nodes={options.Urls.Count} concurrency={options.Concurrency} seconds={options.Seconds} http_ok={http.Ok} http_errors={http.Errors} stored_ok={(storedAfter - storedBefore == http.Ok ? "yes" : storedBefore is null ? "unchecked" : "NO")} http_per_s={http.Rate:0.0} p50_ms={Pct(http.LatenciesMs, 0.50):0.00} p95_ms={Pct(http.LatenciesMs, 0.95):0.00} p99_ms={Pct(http.LatenciesMs, 0.99):0.00} server_cpu_ms_per_dose={(options.ServerPid is null || http.Ok == 0 ? double.NaN : httpCpu.Server * CpuSnapshot.MillisecondsPerTick / http.Ok):0.00} database_cpu_ms_per_dose={(options.DatabasePid is null || http.Ok == 0 ? double.NaN : httpCpu.Database * CpuSnapshot.MillisecondsPerTick / http.Ok):0.00} cores={Environment.ProcessorCount} other_procs_cores={others}");
}
if (http is not null && raw is not null)
{
    var ratio = http.Rate / raw.Rate;
    var others = options.ServerPid is null
        ? "n/a"
        : FormattableString.Invariant($"{Math.Max(httpCpu.Cores(http.Elapsed, Environment.ProcessorCount).Others, rawCpu.Cores(raw.Elapsed, Environment.ProcessorCount).Others):0.00}");
    Say($"RESULT concurrency={options.Concurrency} seconds={options.Seconds} rounds={options.Rounds} http_ok={http.Ok} http_errors={http.Errors} http_per_s={http.Rate:0.0} raw_per_s={raw.Rate:0.0} ratio={ratio:0.000} p50_ms={Pct(http.LatenciesMs, 0.50):0.00} p95_ms={Pct(http.LatenciesMs, 0.95):0.00} p99_ms={Pct(http.LatenciesMs, 0.99):0.00} server_cpu_ms_per_dose={(options.ServerPid is null || http.Ok == 0 ? double.NaN : httpCpu.Server * CpuSnapshot.MillisecondsPerTick / http.Ok):0.00} cores={Environment.ProcessorCount} other_procs_cores={others}");
    Say($"ratio http/raw = {ratio:0.00} (target >= {Target:0.00}): {(ratio >= Target ? "met" : "NOT met")}");
}
return exitCode;

// How the machine's CPU was shared during a phase; other processes skew the rates, so say so loudly.
void CpuLine(CpuSnapshot cpu, TimeSpan wall)
{
    var (server, driver, others, idle) = cpu.Cores(wall, Environment.ProcessorCount);
    var serverText = options.ServerPid is null ? "server n/a (pass --server-pid)" : FormattableString.Invariant($"server {server:0.00}");
    Say($"  cpu (cores)   {serverText}, driver {driver:0.00}, other processes {others:0.00}, idle {idle:0.00} of {Environment.ProcessorCount}");
    if (options.ServerPid is not null && others > 0.25)
    {
        Say($"  WARNING       other processes used {others:0.00} cores during this phase: the numbers are skewed; re-run on a quiet machine");
    }
}

// Nearest-rank percentile of sorted values; NaN when there are none.
static double Pct(double[] sorted, double p) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

// Every number in the report is formatted with the invariant culture ("617.3", never "617,3").
static void Say(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));
