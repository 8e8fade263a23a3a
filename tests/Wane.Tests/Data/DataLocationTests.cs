using Microsoft.Extensions.Configuration;
using Shouldly;
using Wane.Hosting;

namespace Wane.Tests.Data;

/// <summary>The provider is explicit: named, never guessed from a connection string, and PostgreSQL never without one.</summary>
public class DataLocationTests
{
    private static DataLocation From(params (string Key, string Value)[] settings) =>
        DataLocation.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void From_UnknownProvider_FailsNamingTheChoices()
    {
        var e = Should.Throw<InvalidOperationException>(() => From(("Database:Provider", "mysql"), ("Database:ConnectionString", "Server=x")));
        e.Message.ShouldContain("\"mysql\"");
        e.Message.ShouldContain("\"sqlite\" or \"postgres\"");
    }

    [Fact]
    public void From_PostgresWithoutConnectionString_FailsInsteadOfGuessing()
    {
        var e = Should.Throw<InvalidOperationException>(() => From(("Database:Provider", "postgres"), ("DataDir", "/tmp/wane-unused")));
        e.Message.ShouldContain("Database:ConnectionString");
    }

    [Fact]
    public void From_Postgres_UsesTheConnectionStringAndNoFile()
    {
        var location = From(("Database:Provider", " Postgres "), ("Database:ConnectionString", "Host=db;Database=wane;Username=u;Password=secret"));
        location.IsSqlite.ShouldBeFalse();
        location.SqlitePath.ShouldBeNull();
        location.ConnectionString.ShouldBe("Host=db;Database=wane;Username=u;Password=secret");
        location.Describe().ShouldBe("PostgreSQL db:5432/wane");
    }

    [Fact]
    public void From_NoProvider_IsSqliteInTheDataFolder()
    {
        var location = From(("DataDir", "/tmp/wane-here"));
        location.IsSqlite.ShouldBeTrue();
        location.SqlitePath.ShouldBe("/tmp/wane-here/wane.db");
    }
}
