using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Wane.Data;

namespace Wane.Hosting;

/// <summary>The schema: checked cheaply, migrated when behind, and the one-time upkeep.</summary>
internal static partial class CoreServices
{
    /// <summary>
    /// For CLI verbs: when the database exists and has every migration, nothing more; a new database or an
    /// older schema is migrated as <c>serve</c> does (ADR 0010).
    /// </summary>
    public static async Task EnsureSchemaAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        if (!await IsCurrentCheaplyAsync(services, ct).ConfigureAwait(false))
        {
            await MigrateAsync(services, logger, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// For <c>serve</c>: the migrator only when the schema is behind (ADR 0023), then the one-time upkeep either way.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        if (!await IsCurrentCheaplyAsync(services, ct).ConfigureAwait(false))
        {
            await MigrateAsync(services, logger, ct).ConfigureAwait(false);
            return;
        }
        await using var scope = services.CreateAsyncScope();
        await UpkeepAsync(scope.ServiceProvider.GetRequiredService<WaneDb>(), ct).ConfigureAwait(false);
        Log.UsingDatabase(logger, services.GetRequiredService<DataLocation>().Describe(), 0);
    }

    /// <summary>
    /// Whether an existing database has every migration: on SQLite one query without EF's model; on PostgreSQL
    /// EF's own list of pending migrations. A SQLite file that does not exist yet is not current.
    /// </summary>
    private static async Task<bool> IsCurrentCheaplyAsync(IServiceProvider services, CancellationToken ct)
    {
        var location = services.GetRequiredService<DataLocation>();
        if (!location.IsSqlite)
        {
            return await IsSchemaCurrentAsync(services, ct).ConfigureAwait(false);
        }
        if (location.SqlitePath is { } path)
        {
            if (!File.Exists(path))
            {
                return false;
            }
            SecureFiles(path);
        }
        return await SqliteSchema.IsCurrentAsync(location.ConnectionString, ct).ConfigureAwait(false);
    }

    /// <summary>True when the database answers and has every migration this build knows (what /readyz reports).</summary>
    public static async Task<bool> IsSchemaCurrentAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        return (await PendingMigrationsAsync(db, ct).ConfigureAwait(false)).Count == 0;
    }

    /// <summary>
    /// The migrations not yet applied. A new database has no history table: asking EF for its pending
    /// migrations would then read the missing table, which PostgreSQL's provider logs as a failed command.
    /// </summary>
    internal static async Task<List<string>> PendingMigrationsAsync(WaneDb db, CancellationToken ct)
    {
        if (!await db.GetService<IHistoryRepository>().ExistsAsync(ct).ConfigureAwait(false))
        {
            return [.. db.Database.GetMigrations()];
        }
        return [.. await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)];
    }

    /// <summary>Applies pending migrations, creating the SQLite file (and its folder) on first run.</summary>
    public static async Task<bool> MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var location = services.GetRequiredService<DataLocation>();
        var created = false;
        if (location.SqlitePath is { } path)
        {
            created = !File.Exists(path);
            SecureFiles(path);
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var pending = location.IsSqlite
            ? await MigrateIfPendingAsync(db, ct).ConfigureAwait(false)
            : await MigrateHoldingLockAsync(db, ct).ConfigureAwait(false);
        if (location.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.Once, ct).ConfigureAwait(false);
        }
        await UpkeepAsync(db, ct).ConfigureAwait(false);
        if (created)
        {
            Log.CreatedDatabase(logger, location.SqlitePath!);
        }
        else
        {
            Log.UsingDatabase(logger, location.Describe(), pending.Count);
        }
        return created;
    }

    /// <summary>
    /// The one-time upkeep <c>serve</c> and <c>wane migrate</c> run: data a migration cannot fix. Before any request
    /// reads the data-protection keys (<see cref="Web.StartupGate"/>).
    /// </summary>
    private static async Task UpkeepAsync(WaneDb db, CancellationToken ct)
    {
        // Keys written before they were encrypted would let a copy of the database mint cookies: drop them
        // (everyone signs in again once). Encrypted keys hold an <encryptedSecret> element.
        await db.DataProtectionKeys.Where(k => k.Xml == null || !k.Xml.Contains("<encryptedSecret")).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await Features.Tapering.CalendarFeeds.HashLegacySecretsAsync(db, ct).ConfigureAwait(false);
    }

    private static async Task<List<string>> MigrateIfPendingAsync(WaneDb db, CancellationToken ct)
    {
        var pending = await PendingMigrationsAsync(db, ct).ConfigureAwait(false);
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }
        return pending;
    }

    // Any number; the same in every node, and in no other program on the database.
    private const long MigrationLock = 0x57414E45_4D494752; // "WANEMIGR"

    /// <summary>
    /// On PostgreSQL, nodes starting together migrate one at a time (ADR 0022): each takes a session advisory
    /// lock, then reads what is still pending, so the second finds nothing to do. EF's own migration lock did not
    /// keep two nodes from applying the same migration (42P07, the table already exists).
    /// </summary>
    private static async Task<List<string>> MigrateHoldingLockAsync(WaneDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLock})", ct).ConfigureAwait(false);
            try
            {
                return await MigrateIfPendingAsync(db, ct).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    // The database and its sidecars readable by their owner only (the folder too).
    private static void SecureFiles(string path)
    {
        OwnerOnly.EnsureDirectory(Path.GetDirectoryName(path)!);
        OwnerOnly.EnsureFile(path);
        foreach (var sidecar in new[] { path + "-wal", path + "-shm", path + "-journal" }.Where(File.Exists))
        {
            OwnerOnly.EnsureFile(sidecar);
        }
    }
}
