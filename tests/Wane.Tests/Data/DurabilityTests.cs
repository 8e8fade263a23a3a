using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Data;
using Wane.Tests.Support;

namespace Wane.Tests.Data;

// SQLite pragmas.
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public class DurabilityTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task AppConnections_UseWalFullSyncForeignKeysAndABusyTimeout()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        (await Pragma(connection, "journal_mode")).ShouldBe("wal");
        (await Pragma(connection, "synchronous")).ShouldBe("2");
        (await Pragma(connection, "foreign_keys")).ShouldBe("1");
        (await Pragma(connection, "busy_timeout")).ShouldBe("10000");
    }

    [Fact]
    public async Task PooledConnectionOpenedAgain_KeepsItsSettings()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            (await Pragma(connection, "synchronous")).ShouldBe("2");
            (await Pragma(connection, "busy_timeout")).ShouldBe("10000");
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string?> Pragma(DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
