using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane log</c> refuses units that do not fit, repeats the last dose, keeps favourites, and never moves a skipped or repeated time.</summary>
public sealed class LogFormCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0)); // 10:00 in New York

    private async Task<(int Exit, string Out, string Err)> WaneAsync(params string[] args)
    {
        var (exit, output, error) = await CliRun.RunAsync(args, _dataDir, _clock, "correct horse battery\n");
        return (exit, Regex.Replace(output, @"\s+", " "), Regex.Replace(error, @"\s+", " "));
    }

    private async Task SetUpAsync()
    {
        (await WaneAsync("user", "add", "maya", "--time-zone", "America/New_York", "--password-stdin")).Exit.ShouldBe(0);
        (await WaneAsync("products", "add", "Red Bali", "--kind", "kratom", "--form", "powder", "--strain", "red")).Exit.ShouldBe(0);
        (await WaneAsync("products", "add", "Oxy", "--kind", "opioid", "--form", "tablet", "--opioid", "oxycodone", "--mg-per-tablet", "5")).Exit.ShouldBe(0);
    }

    [Fact]
    public async Task Log_GramsOfATablet_IsRefusedNamingTheUnitAndStoresNothing()
    {
        await SetUpAsync();

        var bad = await WaneAsync("log", "1", "g", "--product", "Oxy", "--yes");

        bad.Exit.ShouldBe(1);
        bad.Err.ShouldContain("unit");
        bad.Err.ShouldContain("tablet, mg");
        (await WaneAsync("doses")).Out.ShouldContain("No doses from");
    }

    [Fact]
    public async Task Log_Same_RepeatsTheLastDoseOfThatProductNow()
    {
        await SetUpAsync();
        (await WaneAsync("log", "1", "tablet", "--product", "Oxy", "--at", "2026-11-25 06:00", "--yes")).Exit.ShouldBe(0);
        (await WaneAsync("log", "3", "g", "--product", "Red Bali", "--at", "2026-11-24 07:00", "--yes")).Exit.ShouldBe(0);

        var again = await WaneAsync("log", "--same", "Oxy", "--yes");

        again.Exit.ShouldBe(0, again.Err);
        again.Out.ShouldContain("1 tablet of Oxy on 2026-11-25 at 10:00");
    }

    [Fact]
    public async Task Log_SameWithNoDoseYet_SaysSo()
    {
        await SetUpAsync();

        var none = await WaneAsync("log", "--same", "Oxy", "--yes");

        none.Exit.ShouldBe(1);
        none.Err.ShouldContain("no dose of Oxy to repeat");
    }

    [Fact]
    public async Task Log_RepeatedFallBackTime_IsRefusedWithBothInstantsAndTheChosenOneIsStored()
    {
        await SetUpAsync();
        _clock.Reset(Instant.FromUtc(2026, 11, 2, 15, 0));

        var ambiguous = await WaneAsync("log", "2", "g", "--product", "Red Bali", "--at", "2026-11-01 01:30", "--yes");

        ambiguous.Exit.ShouldBe(1);
        ambiguous.Err.ShouldContain("happened twice");
        ambiguous.Err.ShouldContain("--at 2026-11-01T01:30:00-04:00");
        ambiguous.Err.ShouldContain("--at 2026-11-01T01:30:00-05:00");
        var second = await WaneAsync("log", "2", "g", "--product", "Red Bali", "--at", "2026-11-01T01:30:00-05:00", "--yes");
        second.Exit.ShouldBe(0, second.Err);
        second.Out.ShouldContain("at 01:30 (the second 01:30, UTC-05:00)");
    }

    [Fact]
    public async Task Log_SkippedSpringForwardTime_IsRefusedNamingTheShiftedInstant()
    {
        await SetUpAsync();
        _clock.Reset(Instant.FromUtc(2026, 3, 9, 15, 0));

        var gap = await WaneAsync("log", "2", "g", "--product", "Red Bali", "--at", "2026-03-08 02:30", "--yes");

        gap.Exit.ShouldBe(1);
        gap.Err.ShouldContain("did not happen");
        gap.Err.ShouldContain("--at 2026-03-08T03:30:00-04:00");
        (await WaneAsync("doses", "--from", "2026-03-01", "--to", "2026-03-09")).Out.ShouldContain("No doses from");
    }

    [Fact]
    public async Task ProductsFavourites_SetShowAndRefuseUnitsThatDoNotFit()
    {
        await SetUpAsync();

        var set = await WaneAsync("products", "favourites", "Oxy", "1tablet", "2 tablet");
        var bad = await WaneAsync("products", "favourites", "Oxy", "1g");
        var shown = await WaneAsync("products", "favourites", "Oxy");

        set.Exit.ShouldBe(0, set.Err);
        bad.Exit.ShouldBe(1);
        bad.Err.ShouldContain("favourites[0]");
        shown.Out.ShouldContain("Oxy: 1 tablet, 2 tablet");
        (await WaneAsync("products", "favourites", "Oxy", "--clear")).Out.ShouldContain("no favourite amounts");
    }

    [Fact]
    public async Task Status_BrandNewAccount_SaysNoDosesYet()
    {
        await SetUpAsync();

        var status = await WaneAsync("status");

        status.Out.ShouldContain("No doses logged yet.");
        status.Out.ShouldNotContain("Last kratom-free day");
    }

    public void Dispose()
    {
        Support.TestDatabase.Release(_dataDir);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
