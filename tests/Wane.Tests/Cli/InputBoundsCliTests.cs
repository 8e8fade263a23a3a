using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary>The CLI refuses dates outside the calendar and control characters, and never prints stored control characters raw.</summary>
public sealed class InputBoundsCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private Task<(int Exit, string Out, string Err)> WaneWithInputAsync(string stdin, params string[] args) => CliRun.RunAsync(args, _dataDir, _clock, stdin);

    private Task<(int Exit, string Out, string Err)> WaneAsync(params string[] args) => WaneWithInputAsync("", args);

    private async Task SetUpAsync()
    {
        (await WaneWithInputAsync("correct horse battery\n", "user", "add", "maya", "--time-zone", "America/New_York", "--password-stdin")).Exit.ShouldBe(0);
        (await WaneAsync("products", "add", "Red Bali", "--kind", "kratom", "--form", "powder", "--strain", "red")).Exit.ShouldBe(0);
    }

    public static TheoryData<string[], string> Refused => new()
    {
        { ["log", "2", "g", "--product", "Red Bali", "--at", "9999-12-31 23:59", "--yes"], "takenAt" },
        { ["log", "2", "g", "--product", "Red Bali", "--at", "0001-01-01 00:00", "--yes"], "takenAt" },
        { ["log", "2", "g", "--product", "Red Bali", "--note", "hi\u001b]0;owned\u0007", "--yes"], "note" },
        { ["doses", "--from", "0000-01-01", "--to", "0000-01-02"], "from" },
        { ["doses", "--from", "9999-12-30", "--to", "9999-12-31"], "to" },
        { ["checkins", "--from", "0000-12-31", "--to", "0001-01-02"], "from" },
        { ["checkin", "daily", "--pain", "1", "--sleep", "3", "--mood", "3", "--craving", "1", "--at", "9999-12-31 23:59"], "takenAt" },
        { ["checkin", "daily", "--pain", "1", "--sleep", "3", "--mood", "3", "--craving", "1", "--note", "a\u0000b"], "note" },
        { ["break", "add", "0000-01-01", "0000-01-03"], "from" },
        { ["break", "add", "2026-12-01", "2026-12-03", "--note", "\u001b[2J"], "note" },
        { ["products", "add", "Green\u001b[2J", "--kind", "kratom", "--form", "powder"], "name" },
        { ["plan", "create", "--substance", "kratom", "--start", "12g", "--pace", "percent:10", "--from", "0001-01-01"], "startDate" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Verb_BadInput_ExitsOneNamingTheFieldAndStoresNothing(string[] args, string field)
    {
        await SetUpAsync();
        var before = RowCounts.Describe(await RowCounts.OfAsync(_dataDir));

        var run = await WaneAsync(args);

        run.Exit.ShouldBe(1, run.Out + run.Err);
        run.Err.ShouldContain(field);
        run.Err.ShouldNotContain("\u001b");
        RowCounts.Describe(await RowCounts.OfAsync(_dataDir)).ShouldBe(before);
    }

    [Fact]
    public async Task Lists_StoredControlCharacters_ArePrintedEscaped()
    {
        await SetUpAsync();
        (await WaneAsync("log", "2", "g", "--product", "Red Bali", "--at", "2026-11-25 08:00", "--yes")).Exit.ShouldBe(0);
        (await WaneAsync("break", "add", "2026-12-01", "2026-12-03", "--note", "weekend")).Exit.ShouldBe(0);
        // Text stored before control characters were refused (or written by another tool).
        await using (var db = await TestDatabase.OpenAsync(_dataDir))
        {
            await using var update = db.CreateCommand();
            update.CommandText = """UPDATE products SET "Name" = @name; UPDATE breaks SET "Note" = @note;""";
            AddParameter(update, "@name", "Red\u001b]0;owned\u0007");
            AddParameter(update, "@note", "off\u001b[2J");
            await update.ExecuteNonQueryAsync();
        }

        var products = await WaneAsync("products", "list");
        var doses = await WaneAsync("doses", "--from", "2026-11-25", "--to", "2026-11-25");
        var breaks = await WaneAsync("break", "list");
        var json = await WaneAsync("doses", "--from", "2026-11-25", "--to", "2026-11-25", "--json");

        foreach (var run in new[] { products, doses, breaks, json })
        {
            run.Exit.ShouldBe(0, run.Err);
            run.Out.ShouldNotContain("\u001b");
            run.Out.ShouldNotContain("\u0007");
        }
        products.Out.ShouldContain("\\u001B");
        breaks.Out.ShouldContain("off\\u001B[2J");
        json.Out.ShouldContain("\\u001B");
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, string value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    public void Dispose()
    {
        Support.TestDatabase.Release(_dataDir);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
