namespace Wane.Tests.Support;

/// <summary>Rows per table of an app's database, read straight from the database (not through the app): "nothing stored" means these do not change.</summary>
public static class RowCounts
{
    // Data-protection keys are written lazily by the framework on first use, not by a request's input.
    private static readonly HashSet<string> Ignored = ["__EFMigrationsHistory", "DataProtectionKeys", "sqlite_sequence"];

    public static async Task<IReadOnlyDictionary<string, long>> OfAsync(string dataDir)
    {
        await using var connection = await TestDatabase.OpenAsync(dataDir, readOnly: true);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = TestDatabase.IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !Ignored.Contains(t)))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>The counts as one line, so a failed comparison shows which table grew.</summary>
    public static string Describe(IReadOnlyDictionary<string, long> counts) => string.Join(", ", counts.Select(kv => $"{kv.Key}={kv.Value}"));
}
