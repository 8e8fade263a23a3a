using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Wane.Cli;

namespace Wane.Tests.Support;

/// <summary>One run of <c>wane</c> in-process, on a data directory and a fake clock, as a script runs it (not interactive).</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string[] args, string dataDir, IClock clock, string stdin = "")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaneCli.RunAsync(
            args,
            new CliConsole(new StringReader(stdin), output, error, false),
            new Dictionary<string, string?> { ["DataDir"] = dataDir },
            s => s.AddSingleton(clock));
        return (exit, output.ToString(), error.ToString());
    }
}
