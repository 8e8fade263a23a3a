using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Wane.Data.Entities;

namespace Wane.Data;

/// <summary>
/// Stores a new dose on SQLite with one prepared INSERT … RETURNING, instead of EF's change tracker and
/// update pipeline, which cost several times the insert itself. The values are bound as the same .NET
/// types EF binds (enums by name, instants as UTC DateTime to the microsecond, decimals, the client id as text), so the row
/// is the one EF would store (a test compares the two).
/// </summary>
internal static class SqliteDoseInsert
{
    private const string Sql = """
        INSERT INTO "doses" ("UserId", "ProductId", "Kind", "Amount", "Unit", "TakenAt", "Meal", "Reason", "PainBefore", "Note",
                             "ClientId", "NormalizedAmount", "NormalizedUnit", "NormalizationNote", "CreatedAt", "UpdatedAt")
        VALUES ($userId, $productId, $kind, $amount, $unit, $takenAt, $meal, $reason, $painBefore, $note,
                $clientId, $normalizedAmount, $normalizedUnit, $normalizationNote, $createdAt, $updatedAt)
        RETURNING "Id"
        """;

    private const int SqliteConstraint = 19;

    public static async Task InsertAsync(SqliteConnection connection, Dose dose, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        var p = cmd.Parameters;
        p.AddWithValue("$userId", dose.UserId);
        p.AddWithValue("$productId", dose.ProductId);
        p.AddWithValue("$kind", dose.Kind.ToString());
        p.AddWithValue("$amount", dose.Amount);
        p.AddWithValue("$unit", dose.Unit.ToString());
        p.AddWithValue("$takenAt", StoredPrecision.Instant(dose.TakenAt).ToDateTimeUtc());
        p.AddWithValue("$meal", (object?)dose.Meal?.ToString() ?? DBNull.Value);
        p.AddWithValue("$reason", (object?)dose.Reason?.ToString() ?? DBNull.Value);
        p.AddWithValue("$painBefore", (object?)dose.PainBefore ?? DBNull.Value);
        p.AddWithValue("$note", (object?)dose.Note ?? DBNull.Value);
        p.Add("$clientId", SqliteType.Text).Value = (object?)dose.ClientId ?? DBNull.Value;
        p.AddWithValue("$normalizedAmount", (object?)dose.NormalizedAmount ?? DBNull.Value);
        p.AddWithValue("$normalizedUnit", (object?)dose.NormalizedUnit?.ToString() ?? DBNull.Value);
        p.AddWithValue("$normalizationNote", (object?)dose.NormalizationNote?.ToString() ?? DBNull.Value);
        p.AddWithValue("$createdAt", StoredPrecision.Instant(dose.CreatedAt).ToDateTimeUtc());
        p.AddWithValue("$updatedAt", StoredPrecision.Instant(dose.UpdatedAt).ToDateTimeUtc());
        try
        {
            dose.Id = (long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            throw new DbUpdateException("The dose was not stored: " + e.Message, e);
        }
    }
}
