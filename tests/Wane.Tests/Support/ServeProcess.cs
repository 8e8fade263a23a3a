using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Wane.Tests.Support;

/// <summary>
/// <c>wane serve</c> as a real child process (the built <c>wane.dll</c> under <c>dotnet</c>, or a published
/// executable) on <c>http://127.0.0.1:0</c>: its address is read from the log line "Now listening on: …", every
/// line it prints is kept, and it is stopped as a supervisor stops it (SIGTERM, then killed after a bound).
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _out = new();
    private readonly ConcurrentQueue<string> _err = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process) => _process = process;

    /// <summary>Every line written to standard output so far (all of it once <see cref="StopAsync"/> returns).</summary>
    public IReadOnlyList<string> Output => [.. _out];
    public IReadOnlyList<string> Errors => [.. _err];
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app as built beside the tests: <c>dotnet wane.dll serve</c>.</summary>
    public static Task<ServeProcess> StartBuiltAsync(IEnumerable<string> settings, string dataDir) =>
        StartAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "wane.dll"), "serve", "--urls", "http://127.0.0.1:0",
            "--DataDir", dataDir, .. TestDatabase.ArgsFor(dataDir), .. settings]);

    /// <summary>Starts <paramref name="fileName"/> and waits (bounded) until it says where it listens.</summary>
    public static async Task<ServeProcess> StartAsync(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // Only what the test names: no Wane__* settings of the machine running the tests.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Wane__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var serve = new ServeProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        serve._process.OutputDataReceived += (_, e) => serve.Received(e.Data, serve._out);
        serve._process.ErrorDataReceived += (_, e) => serve.Received(e.Data, serve._err);
        serve._process.Exited += (_, _) => serve._listening.TrySetException(new InvalidOperationException("wane serve exited before listening."));
        serve._process.Start();
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        try
        {
            serve.BaseAddress = await serve._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            await serve.StopAsync();
            throw new InvalidOperationException($"wane serve did not start: {e.Message}\n{string.Join('\n', serve.Output)}\n{string.Join('\n', serve.Errors)}", e);
        }
        return serve;
    }

    private void Received(string? line, ConcurrentQueue<string> into)
    {
        if (line is null)
        {
            return;
        }
        into.Enqueue(line);
        if (Listening().Match(line) is { Success: true } m)
        {
            _listening.TrySetResult(new Uri(m.Groups[1].Value));
        }
    }

    /// <summary>SIGTERM, as systemd sends, and a bounded wait for a clean exit; killed when it does not come.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        // Flushes the last lines read.
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
