using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Wane.Hosting;
using Wane.Web;

namespace Wane.Cli;

/// <summary>
/// The <c>wane</c> command line. Verbs other than <c>serve</c> work on the local database directly.
/// Exit codes: 0 ok, 1 usage or validation error (message on stderr), 2 any other failure.
/// </summary>
internal static class WaneCli
{
    public static readonly Option<string?> UserOption = new("--user")
    {
        Description = "The user to act as (needed when there is more than one)",
        Recursive = true,
    };

    public static readonly Option<string?> DataDirOption = new("--data-dir")
    {
        Description = "Folder of the SQLite database (default $WANE_DATA_DIR or ~/.local/share/wane)",
        Recursive = true,
    };

    /// <summary>Runs the command line. Tests pass their own console, settings and service overrides.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? customize = null)
    {
        var runtime = new CliRuntime(console, settings, customize);
        var root = new RootCommand("Wane: a private dose journal with guardrails, for using less, using more safely, or stopping. Not medical advice; help: 988 (US crisis line), 1-800-662-4357 (SAMHSA).")
        {
            UserOption,
            DataDirOption,
        };
        var serve = new Command("serve", "Run the web app and API (default http://127.0.0.1:5180; --urls to change)")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction(async (_, _) =>
        {
            try
            {
                return await WaneWeb.RunAsync(args.Skip(1).ToArray()).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DataInUseException or KeyEncryptionMismatchException)
            {
                await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return 2;
            }
        });
        root.Add(serve);
        root.Add(runtime.Command("migrate", "Apply database migrations (serve does this on start, and any verb that finds a new or older database)", [], async (host, _, ct) =>
        {
            // The host already brought the schema up to date; this also runs the one-time upkeep serve runs.
            await CoreServices.MigrateAsync(host.Services, NullLogger.Instance, ct).ConfigureAwait(false);
            host.Console.Out.WriteLine("The database is up to date.");
        }));
        AccountCommands.Add(root, runtime);
        ProductCommands.Add(root, runtime);
        JournalCommands.Add(root, runtime);
        DoseCommands.Add(root, runtime);
        GuardrailCommands.Add(root, runtime);
        StatusCommand.Add(root, runtime);
        TrendsCommand.Add(root, runtime);
        PlanCommands.Add(root, runtime);
        CheckInCommands.Add(root, runtime);
        ExportCommand.Add(root, runtime);
        ReportCommand.Add(root, runtime);
        ImportCommand.Add(root, runtime);
        ShareCommands.Add(root, runtime);
        BackupCommands.Add(root, runtime);

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }).ConfigureAwait(false);
    }
}

/// <summary>Builds commands whose actions run inside a <see cref="CliHost"/> with uniform error handling.</summary>
internal sealed class CliRuntime(CliConsole console, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? customize)
{
    public CliConsole Console => console;

    public Command Command(string name, string description, IEnumerable<Symbol> symbols, Func<CliHost, ParseResult, CancellationToken, Task> action) =>
        Bare(name, description, symbols, async (parse, ct) =>
        {
            await using var host = await OpenHostAsync(parse.GetValue(WaneCli.DataDirOption), ct).ConfigureAwait(false);
            await action(host, parse, ct).ConfigureAwait(false);
        });

    /// <summary>A command that opens no database by itself (backup, restore), with the same error handling.</summary>
    public Command Bare(string name, string description, IEnumerable<Symbol> symbols, Func<ParseResult, CancellationToken, Task> action)
    {
        var command = new Command(name, description);
        foreach (var s in symbols)
        {
            switch (s)
            {
                case Option o: command.Add(o); break;
                case Argument a: command.Add(a); break;
                default: throw new ArgumentException($"Unsupported symbol {s.Name}.", nameof(symbols));
            }
        }
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await action(parse, ct).ConfigureAwait(false);
                return 0;
            }
            catch (Exception e) when (e is CliException or BackupException)
            {
                await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return 1;
            }
            catch (DataInUseException e)
            {
                await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return 2;
            }
#pragma warning disable CA1031 // The CLI's last line of defence: report, exit 2.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                await console.Error.WriteLineAsync("wane: failed: " + e.Message).ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }

    /// <summary>A host over the database (migrated if new or older), as every ordinary verb has.</summary>
    public Task<CliHost> OpenHostAsync(string? dataDir, CancellationToken ct) => CliHost.OpenAsync(console, dataDir, settings, customize, ct);

    public IConfiguration Configuration(string? dataDir) => CliHost.Configuration(dataDir, settings);

    /// <summary>The clock the verbs use (a test's fake one when it passes one).</summary>
    public NodaTime.IClock Clock()
    {
        var services = new ServiceCollection();
        services.AddSingleton<NodaTime.IClock>(NodaTime.SystemClock.Instance);
        customize?.Invoke(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<NodaTime.IClock>();
    }
}
