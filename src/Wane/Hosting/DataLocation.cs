using Microsoft.Data.Sqlite;
using Npgsql;

namespace Wane.Hosting;

/// <summary>Where the data lives and which database provider to use. The provider is explicit, never guessed.</summary>
internal sealed record DataLocation(string Provider, string ConnectionString, string? SqlitePath)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public bool IsSqlite => Provider == Sqlite;

    /// <summary>
    /// Reads <c>Database:Provider</c> (default sqlite) and <c>Database:ConnectionString</c>; for SQLite
    /// without a connection string, the file is <c>wane.db</c> in <c>DataDir</c>, <c>$WANE_DATA_DIR</c>,
    /// or <c>~/.local/share/wane</c>. PostgreSQL needs its connection string: Wane never guesses a server.
    /// </summary>
    public static DataLocation From(IConfiguration config)
    {
        var provider = (config["Database:Provider"] ?? Sqlite).Trim().ToLowerInvariant();
        var cs = config["Database:ConnectionString"];
        switch (provider)
        {
            case Postgres:
                return string.IsNullOrWhiteSpace(cs)
                    ? throw new InvalidOperationException(
                        "Database:Provider is \"postgres\" but Database:ConnectionString is not set. Set it, e.g. \"Host=db.example.org;Database=wane;Username=wane;Password=…\".")
                    : new(provider, cs, null);
            case Sqlite when !string.IsNullOrWhiteSpace(cs):
                return new(provider, cs, null);
            case Sqlite:
                var path = Path.Combine(DataDirectory(config), "wane.db");
                return new(provider, $"Data Source={path};Pooling=True;Foreign Keys=True", path);
            default:
                throw new InvalidOperationException($"Database:Provider \"{provider}\" is not supported. Use \"sqlite\" or \"postgres\".");
        }
    }

    /// <summary>Where the database is, for a log line: the SQLite file, or PostgreSQL's host and database (never the password).</summary>
    public string Describe()
    {
        if (SqlitePath is { } path)
        {
            return path;
        }
        if (IsSqlite)
        {
            return "the configured SQLite database";
        }
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    /// <summary>
    /// The SQLite database file: <see cref="SqlitePath"/>, or the file a configured connection string names
    /// (null for an in-memory database, and on PostgreSQL, which has no file of Wane's).
    /// </summary>
    public string? DatabaseFile
    {
        get
        {
            if (!IsSqlite)
            {
                return null;
            }
            if (SqlitePath is not null)
            {
                return SqlitePath;
            }
            var builder = new SqliteConnectionStringBuilder(ConnectionString);
            return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:"
                ? null
                : Path.GetFullPath(builder.DataSource);
        }
    }

    public static string DataDirectory(IConfiguration config)
    {
        var dir = config["DataDir"];
        if (string.IsNullOrWhiteSpace(dir))
        {
            dir = Environment.GetEnvironmentVariable("WANE_DATA_DIR");
        }
        if (string.IsNullOrWhiteSpace(dir))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            dir = Path.Combine(string.IsNullOrWhiteSpace(xdg) ? Path.Combine(home, ".local", "share") : xdg, "wane");
        }
        return Path.GetFullPath(dir);
    }
}
