using Microsoft.Data.Sqlite;

namespace Wane.Bench.Load;

/// <summary>What the raw insert loop measured (one slice, or the sum of all).</summary>
internal sealed record RawResult(long Inserts, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double Rate => Elapsed > TimeSpan.Zero ? Inserts / Elapsed.TotalSeconds : 0;
}

/// <summary>The settings SQLite reports it actually used for the raw loop.</summary>
internal sealed record RawSettings(string SqliteVersion, string JournalMode, string Synchronous, string ForeignKeys);

/// <summary>
/// The floor the HTTP path is compared with: one connection, one prepared INSERT, autocommit (one
/// transaction, hence one WAL sync, per row), into a fresh file holding the app's doses table.
/// </summary>
internal static class RawPhase
{
    /// <summary>
    /// Copied verbatim from <c>Wane.Data.SqlitePragmas.Sql</c> (src/Wane.Data/SqlitePragmas.cs), which the app runs
    /// on every connection. Copied, not referenced, so this driver builds without the app; keep the two in step.
    /// </summary>
    public const string PragmasSql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    /// <summary>
    /// The doses table and its indexes as the app's Initial migration creates them, plus minimal parent tables
    /// so that the two foreign keys are checked on every insert, as in the app (foreign_keys=ON).
    /// </summary>
    private const string SchemaSql = """
        CREATE TABLE "AspNetUsers" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY
        );
        CREATE TABLE "products" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_products" PRIMARY KEY AUTOINCREMENT,
            "UserId" TEXT NOT NULL,
            CONSTRAINT "FK_products_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
        );
        CREATE TABLE "doses" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_doses" PRIMARY KEY AUTOINCREMENT,
            "UserId" TEXT NOT NULL,
            "ProductId" INTEGER NOT NULL,
            "Kind" TEXT NOT NULL,
            "Amount" TEXT NOT NULL,
            "Unit" TEXT NOT NULL,
            "TakenAt" TEXT NOT NULL,
            "Meal" TEXT NULL,
            "Reason" TEXT NULL,
            "PainBefore" INTEGER NULL,
            "Note" TEXT NULL,
            "ClientId" TEXT NULL,
            "NormalizedAmount" TEXT NULL,
            "NormalizedUnit" TEXT NULL,
            "NormalizationNote" TEXT NULL,
            "CreatedAt" TEXT NOT NULL,
            "UpdatedAt" TEXT NOT NULL,
            CONSTRAINT "FK_doses_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_doses_products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "products" ("Id") ON DELETE RESTRICT
        );
        CREATE INDEX "IX_doses_ProductId" ON "doses" ("ProductId");
        CREATE UNIQUE INDEX "IX_doses_UserId_ClientId" ON "doses" ("UserId", "ClientId");
        CREATE INDEX "IX_doses_UserId_TakenAt" ON "doses" ("UserId", "TakenAt");
        """;

    // The row the app writes for {"productId":1,"amount":2.5,"unit":"g","meal":"before","reason":"pain","painBefore":5}.
    internal const string InsertSql = """
        INSERT INTO "doses" ("UserId", "ProductId", "Kind", "Amount", "Unit", "TakenAt", "Meal", "Reason", "PainBefore",
            "Note", "ClientId", "NormalizedAmount", "NormalizedUnit", "NormalizationNote", "CreatedAt", "UpdatedAt")
        VALUES ($userId, $productId, 'Kratom', $amount, 'Gram', $takenAt, 'Before', 'Pain', 5,
            NULL, NULL, $amount, 'Grams', NULL, $now, $now);
        """;

    /// <summary>Creates the fresh database file and prepares the insert; the connection stays open for every slice.</summary>
    public static RawLoop Open(string path)
    {
        if (File.Exists(path) || File.Exists(path + "-wal"))
        {
            throw new InvalidOperationException($"{path} already exists; the raw loop needs a fresh file (delete it or choose another --raw-db).");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Pooling off: the file is created, used by this one connection and closed; nothing is shared.
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        var conn = new SqliteConnection(cs);
        try
        {
            conn.Open();
            Execute(conn, PragmasSql);
            Execute(conn, SchemaSql);
            var userId = Guid.NewGuid().ToString();
            using (var seed = conn.CreateCommand())
            {
                seed.CommandText = """INSERT INTO "AspNetUsers" ("Id") VALUES ($u); INSERT INTO "products" ("Id", "UserId") VALUES (1, $u);""";
                seed.Parameters.AddWithValue("$u", userId);
                seed.ExecuteNonQuery();
            }
            return new RawLoop(conn, userId);
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    /// <summary>Rows in the doses table of an existing database (read-only), to check that HTTP 201s were stored.</summary>
    public static long CountDoses(string path)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var conn = new SqliteConnection(cs);
        conn.Open();
        return long.Parse(Scalar(conn, """SELECT count(*) FROM "doses";"""), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static void Execute(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal static string Scalar(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
