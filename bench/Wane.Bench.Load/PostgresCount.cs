using Npgsql;

namespace Wane.Bench.Load;

/// <summary>The row count that checks every 201 was stored, when the app runs on PostgreSQL.</summary>
internal static class PostgresCount
{
    public static long Doses(string connectionString)
    {
        using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand("""SELECT count(*) FROM "doses";""", conn);
        return (long)cmd.ExecuteScalar()!;
    }
}
