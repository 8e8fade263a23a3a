using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Wane.Tests.Support;

/// <summary>
/// Which database the integration and CLI tests run on: SQLite (a file in each test's data folder), or, with
/// <c>WANE_TEST_PROVIDER=postgres</c>, a fresh PostgreSQL database per data folder on the server named by
/// <c>WANE_TEST_POSTGRES</c> (<c>CREATE DATABASE wane_test_…</c>, built by the migrations like any other,
/// dropped when the test is done). <c>scripts/test</c> runs the assembly once for each.
/// </summary>
public static class TestDatabase
{
    /// <summary>The variable naming the PostgreSQL server (no database): <c>Host=…;Port=…;Username=…;Password=…</c>.</summary>
    public const string ServerVariable = "WANE_TEST_POSTGRES";

    /// <summary>The trait of tests that only make sense on SQLite (its files, modes and pragmas); the PostgreSQL run leaves them out.</summary>
    public const string Trait = "Database";
    public const string SqliteOnly = "sqlite-only";

    /// <summary>
    /// The trait of tests that need PostgreSQL itself (several nodes on one database): they skip, saying why, on the
    /// SQLite run, and <c>--filter-trait Database=postgres-only</c> on the PostgreSQL run picks them alone.
    /// </summary>
    public const string PostgresOnly = "postgres-only";

    /// <summary>The trait of tests that cover both providers themselves in one run; the PostgreSQL run leaves them out too.</summary>
    public const string BothProviders = "both-providers";

    private static readonly ConcurrentDictionary<string, string> Databases = new(StringComparer.Ordinal);

    /// <summary>True on the PostgreSQL run.</summary>
    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("WANE_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PostgreSQL server to test against, or null when none is named.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : null;

    /// <summary>Why a PostgreSQL-only test cannot run here, or null when it can.</summary>
    public static string? PostgresSkipReason => Server is null
        ? $"{ServerVariable} is not set: no PostgreSQL server to test against (./scripts/test starts a throwaway one)."
        : null;

    /// <summary>
    /// The settings that put an app or a CLI run on this run's database for <paramref name="dataDir"/>: none on
    /// SQLite (the file is in the folder); on PostgreSQL the provider and the connection string of the folder's
    /// own database, created on first use.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> SettingsFor(string dataDir)
    {
        if (!IsPostgres)
        {
            return new Dictionary<string, string?>();
        }
        // Tests keep their other files beside the database, in a folder SQLite would have made.
        Directory.CreateDirectory(dataDir);
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["Database:ConnectionString"] = Databases.GetOrAdd(dataDir, _ => CreatePostgres()),
        };
    }

    /// <summary>The same settings as command-line pairs (<c>--Database:Provider postgres …</c>).</summary>
    public static string[] ArgsFor(string dataDir) =>
        [.. SettingsFor(dataDir).SelectMany(kv => new[] { "--" + kv.Key, kv.Value! })];

    /// <summary>A new, empty PostgreSQL database on <see cref="Server"/>; returns its connection string.</summary>
    public static string CreatePostgres()
    {
        var server = Server ?? throw new InvalidOperationException(
            $"WANE_TEST_PROVIDER=postgres needs {ServerVariable} (Host=…;Port=…;Username=…;Password=…); ./scripts/test sets both.");
        var name = "wane_test_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(Admin(server)))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            create.ExecuteNonQuery();
        }
        // Idle connections are pruned quickly: hundreds of test databases each keep a pool.
        return new NpgsqlConnectionStringBuilder(server) { Database = name, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5 }.ConnectionString;
    }

    /// <summary>Drops the database <paramref name="connectionString"/> names (its connections first).</summary>
    public static async Task DropPostgresAsync(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(conn);
        }
        await using var admin = new NpgsqlConnection(Admin(connectionString));
        await admin.OpenAsync();
        await using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{b.Database}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Lets go of what <paramref name="dataDir"/> holds open, and on PostgreSQL drops its database.</summary>
    public static async Task ReleaseAsync(string dataDir)
    {
        SqliteConnection.ClearAllPools();
        if (Databases.TryRemove(dataDir, out var cs))
        {
            await DropPostgresAsync(cs);
        }
    }

    /// <inheritdoc cref="ReleaseAsync"/>
    public static void Release(string dataDir) => ReleaseAsync(dataDir).GetAwaiter().GetResult();

    /// <summary>Closes the idle connections of <paramref name="dataDir"/>'s database (after a CLI run, as the process would on exit).</summary>
    public static void ClosePools(string dataDir)
    {
        if (Databases.TryGetValue(dataDir, out var cs))
        {
            using var conn = new NpgsqlConnection(cs);
            NpgsqlConnection.ClearPool(conn);
        }
    }

    /// <summary>An open connection to <paramref name="dataDir"/>'s database, for a test that looks underneath the app.</summary>
    public static async Task<DbConnection> OpenAsync(string dataDir, bool readOnly = false)
    {
        DbConnection conn = IsPostgres
            ? new NpgsqlConnection(SettingsFor(dataDir)["Database:ConnectionString"] + ";Pooling=false")
            : new SqliteConnection($"Data Source={Path.Combine(dataDir, "wane.db")};Pooling=False" + (readOnly ? ";Mode=ReadOnly" : ""));
        await conn.OpenAsync();
        return conn;
    }

    private static string Admin(string server) => new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
}
