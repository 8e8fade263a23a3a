using Wane.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Wane.Data;

namespace Wane.Tests.Data;

/// <summary>The one-query schema check CLI verbs use instead of EF's migrator (ADR 0010).</summary>
// SQLite's start-up check reads sqlite_master; PostgreSQL asks EF (ReadinessTests covers both).
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public sealed class SchemaCheckTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wane-schema-tests", Guid.NewGuid().ToString("N"));

    private string ConnectionString => $"Data Source={Path.Combine(_dir, "wane.db")};Pooling=False";

    public SchemaCheckTests() => Directory.CreateDirectory(_dir);

    private SqliteWaneDb Db() => new(new DbContextOptionsBuilder<SqliteWaneDb>().UseSqlite(ConnectionString).Options);

    [Fact]
    public void KnownIds_AreTheMigratorsOwn()
    {
        using var db = Db();
        SqliteSchema.KnownMigrationIds().ShouldBe(db.Database.GetMigrations().ToList());
    }

    [Fact]
    public async Task EmptyFile_IsNotCurrent_MigratedIs()
    {
        (await SqliteSchema.IsCurrentAsync(ConnectionString, CancellationToken.None)).ShouldBeFalse();
        await using (var db = Db())
        {
            await db.Database.MigrateAsync();
        }
        (await SqliteSchema.IsCurrentAsync(ConnectionString, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task OneMigrationMissing_IsNotCurrent()
    {
        await using (var db = Db())
        {
            await db.Database.MigrateAsync();
        }
        await using (var conn = new SqliteConnection(ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = $id""";
            cmd.Parameters.AddWithValue("$id", SqliteSchema.KnownMigrationIds()[^1]);
            (await cmd.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        (await SqliteSchema.IsCurrentAsync(ConnectionString, CancellationToken.None)).ShouldBeFalse();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
