using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Wane.Hosting;

/// <summary>What <see cref="BackupArchive.CreateAsync"/> wrote.</summary>
internal sealed record BackupResult(string Path, long Bytes, BackupManifest Manifest);

/// <summary>
/// A backup archive: a tar (gzip-compressed when the name ends in <c>.gz</c> or <c>.tgz</c>) holding
/// <c>manifest.json</c>, a consistent snapshot of <c>wane.db</c> taken with <c>VACUUM INTO</c> (one read
/// transaction, so a server may go on writing), and the key file that decrypts the sign-in keys.
/// </summary>
internal static partial class BackupArchive
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    /// <summary>Writes the archive (0600, to a temporary name, then renamed); the key file is left out when null.</summary>
    public static async Task<BackupResult> CreateAsync(string database, string? keyFile, string destination, bool force, IClock clock, CancellationToken ct)
    {
        destination = Path.GetFullPath(destination);
        if (Directory.Exists(destination))
        {
            throw new BackupException($"file: {destination} is a folder; name the archive file, e.g. {Path.Combine(destination, "wane-backup.tar")}.");
        }
        if (File.Exists(destination) && !force)
        {
            throw new BackupException($"file: {destination} already exists; give --force to replace it.");
        }
        var folder = Path.GetDirectoryName(destination)!;
        if (!Directory.Exists(folder))
        {
            throw new BackupException($"file: the folder {folder} does not exist.");
        }
        // Staged beside the destination, so the final rename stays on one file system and is atomic.
        var staging = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        CreateOwnerFolder(staging);
        try
        {
            var snapshot = Path.Combine(staging, BackupManifest.DatabaseEntry);
            await SnapshotAsync(database, snapshot, ct).ConfigureAwait(false);
            var (migration, doses) = await DescribeAsync(snapshot, ct).ConfigureAwait(false);

            var files = new List<(string Name, string Path)> { (BackupManifest.DatabaseEntry, snapshot) };
            if (keyFile is not null)
            {
                files.Add((BackupManifest.KeyEntry, keyFile));
            }
            var entries = new List<BackupEntry>();
            foreach (var (name, path) in files)
            {
                entries.Add(new BackupEntry(name, new FileInfo(path).Length, await Sha256Async(path, ct).ConfigureAwait(false)));
            }
            var manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion,
                InstantPattern.ExtendedIso.Format(clock.GetCurrentInstant()), BackupManifest.ThisWaneVersion, migration, doses,
                keyFile is not null, entries);

            var partial = Path.Combine(staging, "archive.partial");
            await WriteArchiveAsync(partial, IsGzip(destination), manifest, files, ct).ConfigureAwait(false);
            try
            {
                File.Move(partial, destination, overwrite: force);
            }
            catch (IOException) when (!force && File.Exists(destination))
            {
                throw new BackupException($"file: {destination} already exists; give --force to replace it.");
            }
            return new BackupResult(destination, new FileInfo(destination).Length, manifest);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(staging, recursive: true);
        }
    }

    private static bool IsGzip(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);

    /// <summary>A transactionally consistent copy of the live database, even while others write to it.</summary>
    private static async Task SnapshotAsync(string database, string snapshot, CancellationToken ct)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        var conn = new SqliteConnection(cs);
        await using (conn.ConfigureAwait(false))
        {
            await conn.OpenAsync(ct).ConfigureAwait(false);
            var cmd = conn.CreateCommand();
            await using (cmd.ConfigureAwait(false))
            {
                cmd.CommandText = "PRAGMA busy_timeout=10000;";
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                cmd.CommandText = "VACUUM INTO $path;";
                cmd.Parameters.AddWithValue("$path", snapshot);
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(snapshot, OwnerFile);
        }
    }

    /// <summary>The snapshot's latest migration and its number of doses (and that it is sound).</summary>
    internal static async Task<(string Migration, long Doses)> DescribeAsync(string databaseFile, CancellationToken ct)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        var conn = new SqliteConnection(cs);
        await using (conn.ConfigureAwait(false))
        {
            var cmd = conn.CreateCommand();
            await using (cmd.ConfigureAwait(false))
            {
                try
                {
                    await conn.OpenAsync(ct).ConfigureAwait(false);
                    cmd.CommandText = "PRAGMA integrity_check;";
                    var problems = new List<string>();
                    var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            problems.Add(reader.GetString(0));
                        }
                    }
                    if (problems is not ["ok"])
                    {
                        throw new BackupException("the database fails SQLite's integrity check: " + string.Join("; ", problems.Take(5)));
                    }
                    cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'doses')";
                    if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) != 2)
                    {
                        throw new BackupException("the database has no Wane schema (no migration history or no doses table).");
                    }
                    cmd.CommandText = """SELECT MAX("MigrationId") FROM "__EFMigrationsHistory";""";
                    var migration = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string
                        ?? throw new BackupException("the database has no migration applied.");
                    cmd.CommandText = "SELECT COUNT(*) FROM doses;";
                    var doses = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
                    return (migration, doses);
                }
                catch (SqliteException e)
                {
                    throw new BackupException("the database cannot be read by SQLite: " + e.Message, e);
                }
            }
        }
    }

    private static async Task WriteArchiveAsync(string path, bool gzip, BackupManifest manifest, IReadOnlyList<(string Name, string Path)> files, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 64 * 1024, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFile;
        }
        var file = new FileStream(path, options);
        await using (file.ConfigureAwait(false))
        {
            var gz = gzip ? new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true) : null;
            try
            {
                var tar = new TarWriter(gz ?? (Stream)file, TarEntryFormat.Pax, leaveOpen: true);
                await using (tar.ConfigureAwait(false))
                {
                    var manifestBytes = manifest.ToBytes();
                    await tar.WriteEntryAsync(Entry(BackupManifest.EntryName, new MemoryStream(manifestBytes), manifest.CreatedAt), ct).ConfigureAwait(false);
                    foreach (var (name, source) in files)
                    {
                        var data = File.OpenRead(source);
                        await using (data.ConfigureAwait(false))
                        {
                            await tar.WriteEntryAsync(Entry(name, data, manifest.CreatedAt), ct).ConfigureAwait(false);
                        }
                    }
                }
            }
            finally
            {
                if (gz is not null)
                {
                    await gz.DisposeAsync().ConfigureAwait(false);
                }
            }
            // On disk before it takes the destination's name: a backup that a power cut can empty is none.
            await file.FlushAsync(ct).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }
    }

    private static PaxTarEntry Entry(string name, Stream data, string createdAt) => new(TarEntryType.RegularFile, name)
    {
        DataStream = data,
        Mode = OwnerFile,
        ModificationTime = InstantPattern.ExtendedIso.Parse(createdAt).Value.ToDateTimeOffset(),
    };

    internal static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));
        }
    }

    internal static void CreateOwnerFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerFolder);
        }
    }
}
