using System.Globalization;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Wane.Hosting;

/// <summary>What a restore did: the backup it put in place, and where the files it replaced were kept.</summary>
internal sealed record RestoreResult(BackupManifest Manifest, string Database, string? KeptDatabase, bool KeyRestored, string? KeptKey);

/// <summary>
/// <c>wane restore</c>: checks the whole archive in a private temporary folder first; only then, holding
/// <c>wane.lock</c> exclusively (so no server has the database open or can start), puts the database and
/// key file in place with renames, keeping what it replaces, and brings the schema up to date.
/// </summary>
internal static class BackupRestore
{
    private static readonly string[] Sidecars = ["-wal", "-shm", "-journal"];

    /// <summary>A database is there to lose: a file with content (an empty one is what a first start leaves).</summary>
    public static bool HasDatabase(string databaseFile) => File.Exists(databaseFile) && new FileInfo(databaseFile).Length > 0;

    /// <summary>
    /// Restores <paramref name="archive"/> over <paramref name="databaseFile"/>; the key file goes to
    /// <paramref name="keyTarget"/> (null when a configured certificate is used instead), and
    /// <paramref name="migrate"/> brings the schema up to date while the lock is still held.
    /// </summary>
    public static async Task<RestoreResult> RunAsync(string archive, string databaseFile, string? keyTarget, bool force, IClock clock,
        Func<CancellationToken, Task> migrate, CancellationToken ct)
    {
        if (HasDatabase(databaseFile) && !force)
        {
            throw new BackupException($"{databaseFile} already exists. Restoring would replace it: give --force to restore anyway (the current database is kept beside it as wane.db.before-restore-<time>).");
        }
        var staging = Directory.CreateTempSubdirectory("wane-restore-").FullName;
        try
        {
            var backup = await BackupArchive.VerifyAsync(Path.GetFullPath(archive), staging, ct).ConfigureAwait(false);
            using var held = DataLock.TryExclusive(databaseFile)
                ?? throw new DataInUseException($"a Wane server is using {Path.GetDirectoryName(databaseFile)} (it holds {DataLock.FileName}). Stop it first (for example: systemctl stop wane), then restore.");
            if (HasDatabase(databaseFile) && !force)
            {
                throw new BackupException($"{databaseFile} already exists; give --force to restore anyway.");
            }
            var stamp = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'").Format(clock.GetCurrentInstant());
            var keptDatabase = PlaceDatabase(backup.Database, databaseFile, stamp);
            string? keptKey = null;
            var keyRestored = false;
            if (backup.KeyFile is not null && keyTarget is not null)
            {
                keptKey = PlaceKey(backup.KeyFile, keyTarget, stamp);
                keyRestored = true;
            }
            await migrate(ct).ConfigureAwait(false);
            SqliteConnection.ClearAllPools();
            return new RestoreResult(backup.Manifest, databaseFile, keptDatabase, keyRestored, keptKey);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Copies the snapshot in beside the database, then swaps it in; returns where the old one was kept.</summary>
    private static string? PlaceDatabase(string snapshot, string databaseFile, string stamp)
    {
        OwnerOnly.EnsureDirectory(Path.GetDirectoryName(databaseFile)!);
        var incoming = databaseFile + ".restoring";
        CopyOwnerOnly(snapshot, incoming);
        string? kept = null;
        if (File.Exists(databaseFile))
        {
            kept = Unused(databaseFile + ".before-restore-" + stamp);
            File.Move(databaseFile, kept);
        }
        // The write-ahead log and shared memory belong to the old file: kept under its new name, so the
        // kept copy opens with every commit it had, and the restored file starts without them.
        foreach (var suffix in Sidecars)
        {
            if (File.Exists(databaseFile + suffix))
            {
                if (kept is null)
                {
                    File.Delete(databaseFile + suffix);
                }
                else
                {
                    File.Move(databaseFile + suffix, kept + suffix);
                }
            }
        }
        File.Move(incoming, databaseFile);
        return kept;
    }

    /// <summary>Puts the key file in place; an existing different one is kept aside.</summary>
    private static string? PlaceKey(string keyFile, string keyTarget, string stamp)
    {
        OwnerOnly.EnsureDirectory(Path.GetDirectoryName(keyTarget)!);
        if (File.Exists(keyTarget) && File.ReadAllBytes(keyTarget).AsSpan().SequenceEqual(File.ReadAllBytes(keyFile)))
        {
            OwnerOnly.EnsureFile(keyTarget);
            return null;
        }
        var incoming = keyTarget + ".restoring";
        CopyOwnerOnly(keyFile, incoming);
        string? kept = null;
        if (File.Exists(keyTarget))
        {
            kept = Unused(keyTarget + ".before-restore-" + stamp);
            File.Move(keyTarget, kept);
        }
        File.Move(incoming, keyTarget);
        return kept;
    }

    private static void CopyOwnerOnly(string source, string destination)
    {
        File.Delete(destination); // a leftover of a restore that was cut short
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var output = new FileStream(destination, options))
        using (var input = File.OpenRead(source))
        {
            input.CopyTo(output);
            output.Flush(flushToDisk: true);
        }
    }

    private static string Unused(string path)
    {
        var candidate = path;
        for (var n = 2; File.Exists(candidate); n++)
        {
            candidate = path + "-" + n.ToString(CultureInfo.InvariantCulture);
        }
        return candidate;
    }
}
