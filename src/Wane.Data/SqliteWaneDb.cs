using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Wane.Data;

/// <summary>WaneDb on SQLite, with the migrations in Migrations/Sqlite.</summary>
/// <remarks>
/// SQLite allows one writer at a time. Concurrent saves from this process queue at a gate per database
/// instead of colliding on SQLite's write lock, where the loser would wait in SQLite's busy handler, which
/// sleeps in steps of milliseconds. Other processes (the CLI beside a running server) still meet the busy
/// timeout. A save inside an explicit transaction is not gated: that transaction may already hold SQLite's
/// lock, and queueing it behind a writer who waits for that lock would stall both.
/// </remarks>
public sealed class SqliteWaneDb(DbContextOptions<SqliteWaneDb> options) : WaneDb(options)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (WriteGate() is not { } gate)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        gate.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate.Release();
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        GatedAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    private const int UniqueConstraint = 2067;
    private const int PrimaryKeyConstraint = 1555;

    /// <inheritdoc/>
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is SqliteException { SqliteExtendedErrorCode: UniqueConstraint or PrimaryKeyConstraint };

    /// <inheritdoc/>
    public override Task<List<DoseWindowRow>> DoseWindowAsync(string userId, Instant from, Instant until, long excludedId, CancellationToken ct) =>
        OnConnectionAsync(c => SqliteDoseWindow.ReadAsync(c, userId, from, until, excludedId, ct), ct);

    /// <inheritdoc/>
    public override Task AddDoseAsync(Entities.Dose dose, CancellationToken ct) =>
        GatedAsync(() => OnConnectionAsync(async c =>
        {
            await SqliteDoseInsert.InsertAsync(c, dose, ct).ConfigureAwait(false);
            return true;
        }, ct), ct);

    private async Task<T> GatedAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        if (WriteGate() is not { } gate)
        {
            return await write().ConfigureAwait(false);
        }
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on the context's connection (the request's, when it is already open).</summary>
    private async Task<T> OnConnectionAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken ct)
    {
        await Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            return await work((SqliteConnection)Database.GetDbConnection()).ConfigureAwait(false);
        }
        finally
        {
            await Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private SemaphoreSlim? WriteGate() =>
        Database.CurrentTransaction is null && Database.GetConnectionString() is { } cs
            ? Gates.GetOrAdd(cs, _ => new SemaphoreSlim(1, 1))
            : null;
}
