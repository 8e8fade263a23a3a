using Microsoft.EntityFrameworkCore;

namespace Wane.Data;

/// <summary>WaneDb on SQLite, with the migrations in Migrations/Sqlite.</summary>
public sealed class SqliteWaneDb(DbContextOptions<SqliteWaneDb> options) : WaneDb(options);
