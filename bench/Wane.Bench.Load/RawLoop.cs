using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Wane.Bench.Load;

/// <summary>An open raw-loop database with its prepared INSERT; run in slices so it can alternate with HTTP.</summary>
internal sealed class RawLoop : IDisposable
{
    private readonly SqliteConnection _conn;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _takenAt;
    private readonly SqliteParameter _now;

    internal RawLoop(SqliteConnection conn, string userId)
    {
        _conn = conn;
        _insert = conn.CreateCommand();
        _insert.CommandText = RawPhase.InsertSql;
        _insert.Parameters.AddWithValue("$userId", userId);
        _insert.Parameters.AddWithValue("$productId", 1L);
        _insert.Parameters.AddWithValue("$amount", 2.5m);
        _takenAt = _insert.Parameters.Add("$takenAt", SqliteType.Text);
        _now = _insert.Parameters.Add("$now", SqliteType.Text);
        _insert.Prepare();
    }

    public RawSettings Settings() => new(
        RawPhase.Scalar(_conn, "SELECT sqlite_version();"),
        RawPhase.Scalar(_conn, "PRAGMA journal_mode;"),
        RawPhase.Scalar(_conn, "PRAGMA synchronous;") switch { "0" => "OFF", "1" => "NORMAL", "2" => "FULL", "3" => "EXTRA", var s => s },
        RawPhase.Scalar(_conn, "PRAGMA foreign_keys;") == "1" ? "ON" : "OFF");

    /// <summary>Inserts one row per autocommit transaction until <paramref name="duration"/> or <paramref name="maxInserts"/>.</summary>
    public RawResult Run(TimeSpan duration, long maxInserts, CancellationToken ct)
    {
        long count = 0;
        var latencies = new List<double>(capacity: 16384);
        var clock = Stopwatch.StartNew();
        while (count < maxInserts && clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            // The app stores instants as DateTime text ("yyyy-MM-dd HH:mm:ss.FFFFFFF"); binding a DateTime gives the same.
            var t = DateTime.UtcNow;
            _takenAt.Value = t;
            _now.Value = t;
            var started = Stopwatch.GetTimestamp();
            _insert.ExecuteNonQuery();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            count++;
        }
        var elapsed = clock.Elapsed;
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return new RawResult(count, elapsed, sorted);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _conn.Dispose();
    }
}
