using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary><c>wane report</c>: the period's report as a PDF file only its owner can read.</summary>
public sealed class ReportCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private Task<(int Exit, string Out, string Err)> WaneAsync(string[] args, string stdin = "") => CliRun.RunAsync(args, _dataDir, _clock, stdin);

    [Fact]
    public async Task Report_ToAFile_IsAnOwnerOnlyPdfWithTheDaysTotal()
    {
        (await WaneAsync(["user", "add", "maya", "--time-zone", "America/New_York", "--password-stdin"], "correct horse battery\n")).Exit.ShouldBe(0);
        (await WaneAsync(["products", "add", "Red Bali", "--kind", "kratom", "--form", "powder"])).Exit.ShouldBe(0);
        (await WaneAsync(["log", "2.5", "g", "--product", "Red Bali", "--at", "2026-11-24 08:30", "--yes"])).Exit.ShouldBe(0);
        var file = Path.Combine(_dataDir, "report.pdf");

        var run = await WaneAsync(["report", "--from", "2026-11-20", "--out", file]);

        run.Exit.ShouldBe(0, run.Err);
        run.Err.ShouldContain("2026-11-20 to 2026-11-25");
        var text = await Reports.ReportTests.PdfTextAsync(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        text.ShouldContain("2.5 g kratom");
        text.ShouldContain("Kratom is not an approved treatment");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Report_BadDate_NamesTheFieldAndWritesNothing()
    {
        (await WaneAsync(["user", "add", "maya", "--password-stdin"], "correct horse battery\n")).Exit.ShouldBe(0);
        var file = Path.Combine(_dataDir, "report.pdf");

        var run = await WaneAsync(["report", "--to", "2026-02-30", "--out", file]);

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("to:");
        File.Exists(file).ShouldBeFalse();
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
