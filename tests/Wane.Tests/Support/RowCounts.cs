using Microsoft.Data.Sqlite;

namespace Wane.Tests.Support;

/// <summary>Rows per table of an app's database, read straight from the SQLite file: "nothing stored" means these do not change.</summary>
public static class RowCounts
{
    // Data-protection keys are written lazily by the framework on first use, not by a request's input.
    private static readonly HashSet<string> Ignored = ["__EFMigrationsHistory", "DataProtectionKeys", "sqlite_sequence"];

    public static async Task<IReadOnlyDictionary<string, long>> OfAsync(string dataDir)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "wane.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
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
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    /// <summary>The counts as one line, so a failed comparison shows which table grew.</summary>
    public static string Describe(IReadOnlyDictionary<string, long> counts) => string.Join(", ", counts.Select(kv => $"{kv.Key}={kv.Value}"));
}
