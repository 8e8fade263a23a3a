namespace Wane.Hosting;

/// <summary>
/// <c>wane.lock</c> beside the database: every <c>wane serve</c> holds it shared for its lifetime (several
/// nodes may serve one folder), and <c>wane restore</c> takes it exclusively, so a restore never replaces
/// a database a server has open, and no server starts on a folder being restored. On Linux and macOS the
/// lock is <c>flock(2)</c> (the runtime's FileShare), released by the kernel when the process dies, so a
/// killed server leaves no stale lock behind.
/// </summary>
internal sealed class DataLock : IDisposable
{
    public const string FileName = "wane.lock";

    private readonly FileStream _stream;

    private DataLock(FileStream stream) => _stream = stream;

    public string Path => _stream.Name;

    /// <summary>The folder whose lock guards a database file: the file's own folder.</summary>
    public static string PathFor(string databaseFile) => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databaseFile))!, FileName);

    /// <summary>Held by a server: shared with other servers, refused while a restore holds it.</summary>
    public static DataLock Shared(string databaseFile) =>
        TryTake(databaseFile, exclusive: false)
        ?? throw new DataInUseException($"a restore is replacing the database in {System.IO.Path.GetDirectoryName(PathFor(databaseFile))}; start Wane again when it has finished.");

    /// <summary>Whether the lock file can be made beside the database (its folder exists or can be created).</summary>
    public static bool FolderUsable(string databaseFile)
    {
        try
        {
            var path = PathFor(databaseFile);
            OwnerOnly.EnsureDirectory(System.IO.Path.GetDirectoryName(path)!);
            OwnerOnly.EnsureFile(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Taken by a restore; null when a server (or another restore) holds the lock.</summary>
    public static DataLock? TryExclusive(string databaseFile) => TryTake(databaseFile, exclusive: true);

    private static DataLock? TryTake(string databaseFile, bool exclusive)
    {
        var path = PathFor(databaseFile);
        OwnerOnly.EnsureDirectory(System.IO.Path.GetDirectoryName(path)!);
        OwnerOnly.EnsureFile(path);
        try
        {
            // FileShare.None asks for an exclusive lock, any sharing for a shared one; both are refused at once
            // (never waited for) when the other kind is held.
            return new DataLock(new FileStream(path, FileMode.Open, FileAccess.Read, exclusive ? FileShare.None : FileShare.ReadWrite));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
