using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane products archive|unarchive|delete</c>.</summary>
public sealed class ProductRetireCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private async Task<(int Exit, string Out, string Err)> WaneAsync(params string[] args)
    {
        var (exit, output, error) = await CliRun.RunAsync(args, _dataDir, _clock, "correct horse battery\n");
        return (exit, Regex.Replace(output, @"\s+", " "), Regex.Replace(error, @"\s+", " "));
    }

    private async Task SetUpAsync()
    {
        (await WaneAsync("user", "add", "maya", "--time-zone", "UTC", "--password-stdin")).Exit.ShouldBe(0);
        (await WaneAsync("products", "add", "Red Bali", "--kind", "kratom", "--form", "powder")).Exit.ShouldBe(0);
        (await WaneAsync("products", "add", "Spare", "--kind", "kratom", "--form", "powder")).Exit.ShouldBe(0);
        (await WaneAsync("log", "2", "g", "--product", "Red Bali", "--yes")).Exit.ShouldBe(0);
    }

    [Fact]
    public async Task ProductsDelete_UsedProduct_Exit1SayingToArchiveAndKeepsIt()
    {
        await SetUpAsync();

        var used = await WaneAsync("products", "delete", "Red Bali");

        used.Exit.ShouldBe(1);
        used.Err.ShouldContain("archive it instead");
        (await WaneAsync("products", "list", "--json")).Out.ShouldContain("\"Red Bali\"");
    }

    [Fact]
    public async Task ProductsDelete_UnusedProduct_RemovesIt()
    {
        await SetUpAsync();

        var done = await WaneAsync("products", "delete", "Spare");

        done.Exit.ShouldBe(0, done.Err);
        (await WaneAsync("products", "list", "--json")).Out.ShouldNotContain("\"Spare\"");
    }

    [Fact]
    public async Task ProductsArchiveAndUnarchive_SetTheArchivedField_DosesStay()
    {
        await SetUpAsync();

        (await WaneAsync("products", "archive", "Red Bali")).Exit.ShouldBe(0);
        (await WaneAsync("products", "list", "--json")).Out.ShouldMatch("\"name\": \"Red Bali\".*\"archived\": true");
        (await WaneAsync("doses", "--from", "2026-11-25", "--to", "2026-11-25")).Out.ShouldContain("Red Bali");

        (await WaneAsync("products", "unarchive", "Red Bali")).Exit.ShouldBe(0);
        (await WaneAsync("products", "list", "--json")).Out.ShouldMatch("\"name\": \"Red Bali\".*\"archived\": false");
    }

    [Theory]
    [InlineData("archive")]
    [InlineData("unarchive")]
    [InlineData("delete")]
    public async Task ProductsRetire_UnknownProduct_Exit1(string verb)
    {
        await SetUpAsync();

        var run = await WaneAsync("products", verb, "Nothing Like It");

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("no product");
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
