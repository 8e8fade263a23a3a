using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Cli;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane user delete NAME [--yes]</c>.</summary>
public sealed class UserDeleteCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private async Task<(int Exit, string Out, string Err)> WaneAsync(params string[] args)
    {
        var (exit, output, error) = await CliRun.RunAsync(args, _dataDir, _clock, "correct horse battery\n");
        return (exit, Regex.Replace(output, @"\s+", " "), Regex.Replace(error, @"\s+", " "));
    }

    /// <summary>A run on a terminal: the typed line comes from <paramref name="typed"/>.</summary>
    private async Task<(int Exit, string Out, string Err)> OnTerminalAsync(string typed, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaneCli.RunAsync(args, new CliConsole(new StringReader(typed), output, error, true),
            new Dictionary<string, string?>(TestDatabase.SettingsFor(_dataDir)) { ["DataDir"] = _dataDir }, s => s.AddSingleton<IClock>(_clock));
        TestDatabase.ClosePools(_dataDir);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task SetUpAsync()
    {
        foreach (var name in new[] { "maya", "sam" })
        {
            (await WaneAsync("user", "add", name, "--time-zone", "UTC", "--password-stdin")).Exit.ShouldBe(0);
            (await WaneAsync("products", "add", "Red Bali", "--user", name)).Exit.ShouldBe(0);
            (await WaneAsync("log", "2", "g", "--product", "Red Bali", "--user", name, "--yes")).Exit.ShouldBe(0);
        }
    }

    [Fact]
    public async Task UserDelete_Yes_DeletesTheUserAndOnlyThem()
    {
        await SetUpAsync();

        var run = await WaneAsync("user", "delete", "maya", "--yes");

        run.Exit.ShouldBe(0, run.Err);
        run.Out.ShouldContain("Deleted maya");
        (await WaneAsync("doses", "--user", "maya")).Err.ShouldContain("no user named \"maya\"");
        (await WaneAsync("doses", "--user", "sam")).Out.ShouldContain("Red Bali");
    }

    [Fact]
    public async Task UserDelete_UnknownName_Exit1()
    {
        await SetUpAsync();

        var run = await WaneAsync("user", "delete", "nobody", "--yes");

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("no user named");
    }

    [Fact]
    public async Task UserDelete_NoTerminalAndNoYes_Exit1AndDeletesNothing()
    {
        await SetUpAsync();

        var run = await WaneAsync("user", "delete", "maya");

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("--yes");
        (await WaneAsync("doses", "--user", "maya")).Out.ShouldContain("Red Bali");
    }

    [Theory]
    [InlineData("")]
    [InlineData("sam\n")]
    [InlineData("Maya\n")]
    public async Task UserDelete_OnATerminalTypedNameDiffers_Exit1AndDeletesNothing(string typed)
    {
        await SetUpAsync();

        var run = await OnTerminalAsync(typed, "user", "delete", "maya");

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("nothing was deleted");
        (await WaneAsync("doses", "--user", "maya")).Out.ShouldContain("Red Bali");
    }

    [Fact]
    public async Task UserDelete_OnATerminalTypedName_Deletes()
    {
        await SetUpAsync();

        var run = await OnTerminalAsync("maya\n", "user", "delete", "maya");

        run.Exit.ShouldBe(0, run.Err);
        run.Out.ShouldContain("Type the user name to confirm");
        (await WaneAsync("doses", "--user", "maya")).Exit.ShouldBe(1);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
