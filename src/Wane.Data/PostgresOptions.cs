using Microsoft.EntityFrameworkCore;

namespace Wane.Data;

/// <summary>The one place PostgreSQL's provider options are set, for the app and the design-time factory alike.</summary>
public static class PostgresOptions
{
    /// <summary>Npgsql with its NodaTime plugin (for SQL that binds NodaTime values); the model maps instants itself.</summary>
    public static DbContextOptionsBuilder UseWanePostgres(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString, o => o.UseNodaTime());
    }
}
