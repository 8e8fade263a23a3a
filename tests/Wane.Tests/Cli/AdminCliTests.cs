using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Cli;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane user list|disable|enable|admin|reset-password</c> and <c>wane invite create|list|revoke</c> on a data folder.</summary>
public sealed partial class AdminCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private Task<(int Exit, string Out, string Err)> WaneAsync(params string[] args) =>
        CliRun.RunAsync(args, _dataDir, _clock, "correct horse battery\n");

    private async Task<(int Exit, string Out, string Err)> OnTerminalAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaneCli.RunAsync(args, new CliConsole(new StringReader(""), output, error, true),
            new Dictionary<string, string?>(TestDatabase.SettingsFor(_dataDir)) { ["DataDir"] = _dataDir }, s => s.AddSingleton<IClock>(_clock));
        TestDatabase.ClosePools(_dataDir);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task SetUpAsync()
    {
        foreach (var name in new[] { "maya", "sam" })
        {
            (await WaneAsync("user", "add", name, "--time-zone", "UTC", "--password-stdin")).Exit.ShouldBe(0);
            _clock.Advance(Duration.FromMinutes(1));
        }
        (await WaneAsync("products", "add", "Secret Maeng Da", "--user", "sam")).Exit.ShouldBe(0);
        (await WaneAsync("log", "2", "g", "--product", "Secret Maeng Da", "--note", "private note", "--user", "sam", "--yes")).Exit.ShouldBe(0);
    }

    [Fact]
    public async Task UserList_Piped_OneTabSeparatedLinePerAccount_FirstIsAdmin_NoRecord()
    {
        await SetUpAsync();

        var run = await WaneAsync("user", "list");

        run.Exit.ShouldBe(0, run.Err);
        var lines = run.Out.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines.ShouldBe([
            "name\tcreated\tlast_sign_in\tdisabled\tadmin\ttwo_factor",
            "maya\t2026-11-25T15:00:00Z\t-\tno\tyes\tno",
            "sam\t2026-11-25T15:01:00Z\t-\tno\tno\tno",
        ]);
        run.Out.ShouldNotContain("Maeng Da");
        run.Out.ShouldNotContain("private note");
    }

    [Fact]
    public async Task UserList_Json_TheSameFields()
    {
        await SetUpAsync();

        var run = await WaneAsync("user", "list", "--json");

        run.Exit.ShouldBe(0, run.Err);
        var list = JsonDocument.Parse(run.Out).RootElement;
        list.GetArrayLength().ShouldBe(2);
        list[0].EnumerateObject().Select(p => p.Name).ShouldBe(["name", "createdAt", "lastSignInAt", "disabled", "admin", "twoFactor"]);
        list[0].GetProperty("admin").GetBoolean().ShouldBeTrue();
        list[1].GetProperty("name").GetString().ShouldBe("sam");
        run.Out.ShouldNotContain("Maeng Da");
    }

    [Fact]
    public async Task UserList_OnATerminal_ATable()
    {
        await SetUpAsync();

        var run = await OnTerminalAsync("user", "list");

        run.Exit.ShouldBe(0, run.Err);
        run.Out.ShouldContain("Last sign-in");
        run.Out.ShouldContain("│");
        run.Out.ShouldContain("admin");
    }

    [Fact]
    public async Task DisableEnable_ShowInTheList_AndSayWhenNothingChanged()
    {
        await SetUpAsync();

        var disabled = await WaneAsync("user", "disable", "sam");
        var again = await WaneAsync("user", "disable", "sam");

        disabled.Exit.ShouldBe(0, disabled.Err);
        disabled.Out.ShouldContain("Disabled sam");
        again.Out.ShouldContain("disabled already");
        (await WaneAsync("user", "list")).Out.ShouldContain("sam\t2026-11-25T15:01:00Z\t-\tyes\tno\tno");
        (await WaneAsync("user", "enable", "sam")).Out.ShouldContain("Enabled sam");
        (await WaneAsync("user", "enable", "sam")).Out.ShouldContain("was not disabled");
        (await WaneAsync("user", "list")).Out.ShouldContain("sam\t2026-11-25T15:01:00Z\t-\tno\tno\tno");
    }

    [Fact]
    public async Task AdminOff_TheOnlyAdmin_Exit1WithAClearError_DisableTooUntilAnotherIsAdmin()
    {
        await SetUpAsync();

        var off = await WaneAsync("user", "admin", "maya", "--off");
        var disable = await WaneAsync("user", "disable", "maya");

        off.Exit.ShouldBe(1);
        off.Err.ShouldContain("At least one admin must remain.");
        off.Err.ShouldContain("wane user admin NAME --on");
        disable.Exit.ShouldBe(1);
        disable.Err.ShouldContain("At least one admin must remain.");

        (await WaneAsync("user", "admin", "sam", "--on")).Out.ShouldContain("sam is an admin now");
        (await WaneAsync("user", "admin", "maya", "--off")).Exit.ShouldBe(0);
        (await WaneAsync("user", "list")).Out.ShouldContain("maya\t2026-11-25T15:00:00Z\t-\tno\tno\tno");
    }

    [Theory]
    [InlineData("--on", "--off")]
    [InlineData()]
    public async Task Admin_NeitherOrBothFlags_Exit1(params string[] flags)
    {
        await SetUpAsync();

        var run = await WaneAsync(["user", "admin", "sam", .. flags]);

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("--on or --off");
    }

    [Fact]
    public async Task UserDelete_TheOnlyAdmin_ErasesAndSaysHowToMakeAnother()
    {
        await SetUpAsync();

        var run = await WaneAsync("user", "delete", "maya", "--yes");

        run.Exit.ShouldBe(0, run.Err);
        run.Err.ShouldContain("No admin remains: make one with wane user admin NAME --on");
        (await WaneAsync("user", "admin", "sam", "--on")).Exit.ShouldBe(0);
    }

    [Fact]
    public async Task ResetPassword_PrintsOnlyAOneTimeLinkOnStandardOutput()
    {
        await SetUpAsync();

        var run = await WaneAsync("user", "reset-password", "sam");

        run.Exit.ShouldBe(0, run.Err);
        ResetLink().IsMatch(run.Out.Trim()).ShouldBeTrue(run.Out);
        run.Err.ShouldContain("works once, for 24 hours");
        var second = await WaneAsync("user", "reset-password", "sam");
        second.Out.ShouldNotBe(run.Out);
    }

    [Fact]
    public async Task ResetPassword_SetTooShort_Exit1NamingThePassword()
    {
        await SetUpAsync();

        var run = await CliRun.RunAsync(["user", "reset-password", "sam", "--set", "--password-stdin"], _dataDir, _clock, "short\n");

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("password:");
    }

    [Fact]
    public async Task ResetPassword_SetWithoutATerminal_AsksForPasswordStdin()
    {
        await SetUpAsync();

        var run = await WaneAsync("user", "reset-password", "sam", "--set");

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("--password-stdin");
    }

    [Fact]
    public async Task Invite_CreateListRevoke()
    {
        await SetUpAsync();

        var created = await WaneAsync("invite", "create", "--expires", "2d", "--note", "for Jo");
        var other = await WaneAsync("invite", "create");

        created.Exit.ShouldBe(0, created.Err);
        InviteLink().IsMatch(created.Out.Trim()).ShouldBeTrue(created.Out);
        created.Err.ShouldContain("until 2026-11-27 15:02 UTC");
        (await WaneAsync("invite", "list")).Out.ShouldContain("1\topen\t2026-11-25T15:02:00Z\t2026-11-27T15:02:00Z\t-\tfor Jo");
        (await WaneAsync("invite", "revoke", "1")).Out.ShouldContain("Withdrew invitation 1");
        (await WaneAsync("invite", "revoke", "1")).Out.ShouldContain("withdrawn already");
        var list = JsonDocument.Parse((await WaneAsync("invite", "list", "--json")).Out).RootElement;
        list.EnumerateArray().Select(i => i.GetProperty("status").GetString()).ShouldBe(["open", "revoked"]);
        other.Out.ShouldNotContain(created.Out.Trim());
    }

    [Theory]
    [InlineData("0d")]
    [InlineData("91d")]
    [InlineData("30s")]
    [InlineData("7")]
    [InlineData("d")]
    [InlineData("-1d")]
    public async Task InviteCreate_BadExpiry_Exit1NamingExpiresAndMakesNone(string expires)
    {
        await SetUpAsync();

        var run = await WaneAsync("invite", "create", "--expires", expires);

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("expires:");
        (await WaneAsync("invite", "list")).Out.ShouldContain("No invitations yet.");
    }

    [Fact]
    public async Task InviteRevoke_UnknownId_Exit1()
    {
        await SetUpAsync();

        var run = await WaneAsync("invite", "revoke", "42");

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("invitation: there is none");
    }

    public void Dispose()
    {
        TestDatabase.Release(_dataDir);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"^http://127\.0\.0\.1:5180/reset-password\?token=[A-Za-z0-9_-]{43}$")]
    private static partial Regex ResetLink();

    [GeneratedRegex(@"^http://127\.0\.0\.1:5180/setup\?invite=[A-Za-z0-9_-]{43}$")]
    private static partial Regex InviteLink();
}
