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

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (WriteGate() is not { } gate)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public override async Task<List<DoseWindowRow>> DoseWindowAsync(string userId, Instant from, Instant until, long excludedId, CancellationToken ct)
    {
        await Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            return await SqliteDoseWindow.ReadAsync((SqliteConnection)Database.GetDbConnection(), userId, from, until, excludedId, ct).ConfigureAwait(false);
        }
        finally
        {
            await Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override async Task AddDoseAsync(Entities.Dose dose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var gate = WriteGate();
        if (gate is not null)
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
        }
        try
        {
            await Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            try
            {
                await SqliteDoseInsert.InsertAsync((SqliteConnection)Database.GetDbConnection(), dose, ct).ConfigureAwait(false);
            }
            finally
            {
                await Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            gate?.Release();
        }
    }

    private SemaphoreSlim? WriteGate() =>
        Database.CurrentTransaction is null && Database.GetConnectionString() is { } cs
            ? Gates.GetOrAdd(cs, _ => new SemaphoreSlim(1, 1))
            : null;
}
