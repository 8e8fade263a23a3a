using SQLitePCL;

namespace Wane.Data;

/// <summary>Process-wide SQLite settings, made before the first connection opens.</summary>
public static class SqliteEngine
{
    private static readonly Lazy<bool> MultiThread = new(Configure);

    /// <summary>
    /// Switches SQLite from serialized to multi-thread mode and turns off its memory statistics, so that
    /// reading a row takes no mutex per column. That is safe because no connection is ever used by two
    /// threads at once: a pooled connection belongs to one context, and a context to one request or
    /// command. Must run before any connection opens; later calls return the first answer. False when it
    /// was too late (SQLite was already initialized) and SQLite stays serialized, which is slower, not wrong.
    /// </summary>
    public static bool UseMultiThreadMode() => MultiThread.Value;

    private static bool Configure()
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) == raw.SQLITE_OK
            && raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
    }
}
