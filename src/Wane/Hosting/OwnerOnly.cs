namespace Wane.Hosting;

/// <summary>
/// Files and folders readable by their owner only (0600 / 0700), whatever the umask: they hold a health
/// journal and the key that protects sign-in cookies.
/// </summary>
internal static class OwnerOnly
{
    private const UnixFileMode DirectoryBits = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileBits = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder 0700, or narrows an existing one to 0700.</summary>
    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, DirectoryBits);
        }
        File.SetUnixFileMode(path, DirectoryBits);
    }

    /// <summary>
    /// Creates an empty file 0600 if it is missing (so SQLite, which gives its -wal and -shm files the
    /// database file's mode, never creates it with the umask's), or narrows an existing one to 0600.
    /// </summary>
    public static void EnsureFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        if (!File.Exists(path))
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileBits });
        }
        File.SetUnixFileMode(path, FileBits);
    }

    /// <summary>Writes a new file created 0600 (never readable by others, not even for a moment).</summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileBits;
        }
        using var stream = new FileStream(path, options);
        stream.Write(bytes);
    }
}
