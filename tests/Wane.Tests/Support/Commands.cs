using System.Diagnostics;

namespace Wane.Tests.Support;

/// <summary>Runs a program to the end (bounded) and keeps what it printed, for the deployment tests.</summary>
internal static class Commands
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string fileName, IEnumerable<string> args, TimeSpan bound,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await output, $"{fileName} did not finish within {bound}.\n{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The repository's root (where Wane.slnx is), found above the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wane.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Wane.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A new empty folder under the temporary directory.</summary>
    public static string TempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "wane-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
