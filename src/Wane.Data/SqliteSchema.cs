using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wane.Data;

/// <summary>
/// Whether a SQLite database already has every migration this build knows, found with one query and
/// without building EF's model or its migrator (which costs most of a CLI verb's start-up).
/// </summary>
public static class SqliteSchema
{
    private static readonly Lazy<IReadOnlyList<string>> Known = new(KnownMigrationIds);

    /// <summary>The ids of the migrations in this assembly, oldest first (what <c>GetMigrations()</c> lists).</summary>
    public static IReadOnlyList<string> KnownMigrationIds() =>
        [.. typeof(SqliteWaneDb).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteWaneDb))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// True when every known migration is recorded in <c>__EFMigrationsHistory</c>; false when one is
    /// missing or the database has no history yet (new or empty). Opens its own connection.
    /// </summary>
    public static async Task<bool> IsCurrentAsync(string connectionString, CancellationToken ct)
    {
        var conn = new SqliteConnection(connectionString);
        await using (conn.ConfigureAwait(false))
        {
            await conn.OpenAsync(ct).ConfigureAwait(false);
            var cmd = conn.CreateCommand();
            await using (cmd.ConfigureAwait(false))
            {
                cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
                if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
                {
                    return false;
                }
                cmd.CommandText = """SELECT COUNT(*) FROM "__EFMigrationsHistory" WHERE "MigrationId" IN (SELECT value FROM json_each($ids))""";
                cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(Known.Value));
                var applied = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
                return applied == Known.Value.Count;
            }
        }
    }
}
