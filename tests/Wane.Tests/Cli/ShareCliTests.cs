using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane share add|list|revoke</c>: the person's shares from the terminal, plain when piped.</summary>
public sealed class ShareCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private Task<(int Exit, string Out, string Err)> WaneAsync(string[] args, string stdin = "") => CliRun.RunAsync(args, _dataDir, _clock, stdin);

    [Fact]
    public async Task Share_AddListRevoke_FromTheTerminal()
    {
        (await WaneAsync(["user", "add", "maya", "--password-stdin"], "correct horse battery\n")).Exit.ShouldBe(0);
        (await WaneAsync(["user", "add", "drlee", "--password-stdin"], "correct horse battery\n")).Exit.ShouldBe(0);

        var bad = await WaneAsync(["--user", "maya", "share", "add", "--to", "drlee", "--scope", "plan,everything"]);
        (bad.Exit, bad.Err.Contains("scopes[1]:", StringComparison.Ordinal)).ShouldBe((1, true));
        var self = await WaneAsync(["--user", "maya", "share", "add", "--to", "maya", "--scope", "plan"]);
        (self.Exit, self.Err.Contains("to: You cannot share with yourself", StringComparison.Ordinal)).ShouldBe((1, true));
        var noExpiry = await WaneAsync(["--user", "maya", "share", "add", "--link", "--scope", "plan"]);
        (noExpiry.Exit, noExpiry.Err.Contains("expires:", StringComparison.Ordinal)).ShouldBe((1, true));
        (await WaneAsync(["--user", "maya", "share", "list"])).Out.ShouldContain("You share with no one.");

        var account = await WaneAsync(["--user", "maya", "share", "add", "--to", "drlee", "--scope", "plan,checkins", "--cows"]);
        account.Exit.ShouldBe(0, account.Err);
        var link = await WaneAsync(["--user", "maya", "share", "add", "--link", "--expires", "2026-12-31", "--pin", "2468", "--label", "Sam", "--scope", "checkins"]);
        link.Exit.ShouldBe(0, link.Err);
        link.Out.ShouldContain("http://127.0.0.1:5180/s/");

        var list = await WaneAsync(["--user", "maya", "share", "list"]);
        var lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].Split('\t')[1..4].ShouldBe(["active", "a link for Sam", "checkins"]);
        lines[1].Split('\t')[1..4].ShouldBe(["active", "drlee", "plan,checkins"]);
        var id = lines[1].Split('\t')[0];

        (await WaneAsync(["--user", "maya", "share", "revoke", id])).Exit.ShouldBe(0);
        (await WaneAsync(["--user", "maya", "share", "revoke", "99999"])).Exit.ShouldBe(1);
        var json = await WaneAsync(["--user", "maya", "share", "list", "--json"]);
        json.Out.ShouldContain("\"status\": \"revoked\"");
        (await WaneAsync(["--user", "drlee", "share", "revoke", id])).Exit.ShouldBe(1); // not drlee's to revoke
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
