using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Wane.Cli;

namespace Wane.Tests.Support;

/// <summary>
/// One run of <c>wane</c> in-process, on a data directory and a fake clock, as a script runs it (not
/// interactive), or with <c>terminal</c> as a person at a terminal runs it.
/// </summary>
internal static class CliRun
{
    /// <summary>A run whose console says it is a terminal: Spectre draws its tables and charts.</summary>
    public static Task<(int Exit, string Out, string Err)> OnTerminalAsync(string[] args, string dataDir, IClock clock, string stdin = "") =>
        RunAsync(args, dataDir, clock, stdin, terminal: true);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(string[] args, string dataDir, IClock clock, string stdin = "", bool terminal = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = new Dictionary<string, string?>(TestDatabase.SettingsFor(dataDir)) { ["DataDir"] = dataDir };
        var exit = await WaneCli.RunAsync(
            args,
            new CliConsole(new StringReader(stdin), output, error, terminal),
            settings,
            s => s.AddSingleton(clock));
        TestDatabase.ClosePools(dataDir);
        return (exit, output.ToString(), error.ToString());
    }
}
