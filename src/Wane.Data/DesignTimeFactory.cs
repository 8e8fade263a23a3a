using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Wane.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context SqliteWaneDb</c> build the context without the app. Identity's schema
/// version comes from <see cref="WaneDb.IdentitySchema"/>, as in the app (WaneDb's <c>OnConfiguring</c>).
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWaneDb>
{
    public SqliteWaneDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWaneDb>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgresWaneDb</c> build the context without a server: adding
/// a migration compares the model with the snapshot and never connects.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWaneDb>
{
    public PostgresWaneDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresWaneDb>();
        options.UseWanePostgres("Host=localhost;Database=wane_design");
        return new(options.Options);
    }
}
