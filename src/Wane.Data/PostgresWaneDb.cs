using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Wane.Data;

/// <summary>
/// WaneDb on PostgreSQL, with the migrations in Migrations/Postgres. It takes the provider-neutral paths
/// (EF's query pipeline and change tracker) where <see cref="SqliteWaneDb"/> has SQLite's own: PostgreSQL
/// has real concurrent writers, so no write gate either (ADR 0017).
/// </summary>
public sealed class PostgresWaneDb(DbContextOptions<PostgresWaneDb> options) : WaneDb(options)
{
    /// <inheritdoc/>
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    protected override void ConfigureDecimals(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Unconstrained numeric keeps every digit, as SQLite's text does; numeric(18,6) would round a
        // normalized amount SQLite keeps whole.
        configurationBuilder.Properties<decimal>().HaveColumnType("numeric").HaveConversion<DecimalConverter>();
    }
}
