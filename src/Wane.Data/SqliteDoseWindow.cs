using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;
using Wane.Domain.Journal;
using Wane.Domain.Units;

namespace Wane.Data;

/// <summary>
/// The guardrails' window of doses on SQLite, read as one JSON array that SQLite builds. Reading the rows
/// through ADO.NET costs a native call per column per row (about 25 per dose, each taking a handle
/// reference), which made this read most of the cost of logging a dose; one value costs a handful. It
/// returns exactly what <see cref="WaneDb.DoseWindowAsync"/>'s provider-neutral query returns (a test
/// compares the two).
/// </summary>
internal static class SqliteDoseWindow
{
    // Column order here is the order ReadRow expects.
    private const string Sql = """
        SELECT json_group_array(json_array(
                 "TakenAt", "ProductId", "Kind", "Amount", "Unit", "NormalizedAmount", "NormalizedUnit",
                 "NormalizationNote", "Meal", "Reason", "PainBefore") ORDER BY "TakenAt", "Id")
        FROM "doses"
        WHERE "UserId" = $user AND "TakenAt" >= $from AND "TakenAt" < $until AND "Id" <> $excluded
        """;

    // How Microsoft.Data.Sqlite writes a DateTime (and so how EF stores an instant): "yyyy-MM-dd HH:mm:ss.FFFFFFF".
    private static readonly InstantPattern Stored = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss.FFFFFFF");

    public static async Task<List<DoseWindowRow>> ReadAsync(
        SqliteConnection connection, string userId, Instant from, Instant until, long excludedId, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        // Bound as DateTime, so they compare as the stored text does in EF's own queries.
        cmd.Parameters.AddWithValue("$user", userId);
        cmd.Parameters.AddWithValue("$from", StoredPrecision.Instant(from).ToDateTimeUtc());
        cmd.Parameters.AddWithValue("$until", StoredPrecision.Instant(until).ToDateTimeUtc());
        cmd.Parameters.AddWithValue("$excluded", excludedId);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            return [];
        }
        return Parse(reader.GetFieldValue<byte[]>(0));
    }

    internal static List<DoseWindowRow> Parse(ReadOnlySpan<byte> json)
    {
        var rows = new List<DoseWindowRow>();
        var r = new Utf8JsonReader(json);
        Expect(ref r, JsonTokenType.StartArray);
        while (r.Read() && r.TokenType == JsonTokenType.StartArray)
        {
            rows.Add(ReadRow(ref r));
        }
        return rows;
    }

    private static DoseWindowRow ReadRow(ref Utf8JsonReader r)
    {
        var row = new DoseWindowRow(
            Stored.Parse(Text(ref r)!).GetValueOrThrow(),
            Integer(ref r)!.Value,
            Names<ProductKind>.Read(ref r)!.Value,
            Number(ref r)!.Value,
            Names<DoseUnit>.Read(ref r)!.Value,
            Number(ref r),
            Names<NormalUnit>.Read(ref r),
            Names<NormalizationNote>.Read(ref r),
            Names<MealTiming>.Read(ref r),
            Names<DoseReason>.Read(ref r),
            (int?)Integer(ref r));
        Expect(ref r, JsonTokenType.EndArray);
        return row;
    }

    private static string? Text(ref Utf8JsonReader r)
    {
        r.Read();
        return r.TokenType == JsonTokenType.Null ? null : r.GetString();
    }

    private static long? Integer(ref Utf8JsonReader r)
    {
        r.Read();
        return r.TokenType == JsonTokenType.Null ? null : r.GetInt64();
    }

    /// <summary>A decimal column: stored as text by EF, but a number is read too.</summary>
    private static decimal? Number(ref Utf8JsonReader r)
    {
        r.Read();
        return r.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => r.GetDecimal(),
            _ => decimal.Parse(r.GetString()!, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture),
        };
    }

    private static void Expect(ref Utf8JsonReader r, JsonTokenType type)
    {
        if (!r.Read() || r.TokenType != type)
        {
            throw new InvalidOperationException($"The dose window from SQLite is not the expected JSON (wanted {type}, got {r.TokenType}).");
        }
    }

    /// <summary>An enum stored by name (as EF stores it), matched on the UTF-8 text without making a string.</summary>
    private static class Names<T>
        where T : struct, Enum
    {
        private static readonly (byte[] Name, T Value)[] All =
            [.. Enum.GetValues<T>().Select(v => (System.Text.Encoding.UTF8.GetBytes(v.ToString()), v))];

        public static T? Read(ref Utf8JsonReader r)
        {
            r.Read();
            if (r.TokenType == JsonTokenType.Null)
            {
                return null;
            }
            foreach (var (name, value) in All)
            {
                if (r.ValueTextEquals(name))
                {
                    return value;
                }
            }
            throw new InvalidOperationException($"The dose window from SQLite holds an unknown {typeof(T).Name}: {r.GetString()}.");
        }
    }
}
