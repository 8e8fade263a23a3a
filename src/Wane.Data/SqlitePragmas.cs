using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wane.Data;

/// <summary>
/// The durability and concurrency settings of every SQLite connection: write-ahead logging (set
/// once, it is stored in the file), a full sync on commit (a logged dose survives a power cut),
/// foreign keys (in the connection string), and a busy timeout so concurrent writers wait inside
/// SQLite instead of failing. Only the per-connection pragmas run on open.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>The complete set, as the benchmark's raw insert loop applies it, so both are measured alike.</summary>
    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    /// <summary>What must be set on each connection (journal mode persists; foreign keys come from the connection string).</summary>
    public const string PerConnection = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";

    /// <summary>Set once when the database is migrated.</summary>
    public const string Once = "PRAGMA journal_mode=WAL;";

    // The physical connections (pooled handles) already set up: pragmas stay set for a handle's life,
    // and a pooled handle is opened again for nearly every request.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = PerConnection;
            cmd.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = PerConnection;
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            Remember(connection);
        }
    }

    private bool IsNew(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Without a handle to key on (another provider), set them every time.
        return connection is not SqliteConnection { Handle: { } handle } || !_configured.TryGetValue(handle, out _);
    }

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, this);
        }
    }
}
