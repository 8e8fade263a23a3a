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
