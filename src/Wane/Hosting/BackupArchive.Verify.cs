using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Wane.Data;

namespace Wane.Hosting;

/// <summary>A backup unpacked into a private folder and checked: manifest, sizes, SHA-256s, SQLite's integrity check.</summary>
internal sealed record VerifiedBackup(BackupManifest Manifest, string Database, string? KeyFile);

internal static partial class BackupArchive
{
    /// <summary>
    /// Unpacks <paramref name="archive"/> into <paramref name="staging"/> (a private folder the caller owns) and
    /// checks every part of it. Entry names are matched against the few a backup holds, never used as paths.
    /// </summary>
    public static async Task<VerifiedBackup> VerifyAsync(string archive, string staging, CancellationToken ct)
    {
        if (!File.Exists(archive))
        {
            throw new BackupException($"file: {archive} does not exist.");
        }
        BackupManifest? manifest = null;
        var found = new Dictionary<string, (long Size, string Sha256)>(StringComparer.Ordinal);
        try
        {
            var file = File.OpenRead(archive);
            await using (file.ConfigureAwait(false))
            {
                var gz = await IsGzipAsync(file, ct).ConfigureAwait(false) ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : null;
                var body = gz ?? (Stream)file;
                await using ((gz ?? Stream.Null).ConfigureAwait(false))
                {
                    var tar = new TarReader(body, leaveOpen: true);
                    await using (tar.ConfigureAwait(false))
                    {
                        while (await tar.GetNextEntryAsync(copyData: false, ct).ConfigureAwait(false) is { } entry)
                        {
                            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                            {
                                throw new BackupException($"the archive holds \"{entry.Name}\", which is not a file; a Wane backup holds only files.");
                            }
                            if (manifest is null)
                            {
                                manifest = entry.Name == BackupManifest.EntryName
                                    ? BackupManifest.Parse(await ReadSmallAsync(entry, ct).ConfigureAwait(false))
                                    : throw new BackupException($"the archive does not start with {BackupManifest.EntryName}: it is not a Wane backup.");
                                continue;
                            }
                            if (manifest.Entries.All(e => e.Name != entry.Name) || found.ContainsKey(entry.Name))
                            {
                                throw new BackupException($"the archive holds \"{entry.Name}\", which its manifest does not list (or lists once).");
                            }
                            found[entry.Name] = await UnpackAsync(entry, Path.Combine(staging, entry.Name), ct).ConfigureAwait(false);
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException)
        {
            throw new BackupException($"{archive} is not a readable Wane backup (damaged, truncated, or not a tar archive): {e.Message}", e);
        }
        if (manifest is null)
        {
            throw new BackupException($"{archive} is not a Wane backup: it holds no {BackupManifest.EntryName}.");
        }
        foreach (var listed in manifest.Entries)
        {
            if (!found.TryGetValue(listed.Name, out var actual))
            {
                throw new BackupException($"the archive is incomplete: {listed.Name} is listed in its manifest but missing (was the file truncated?).");
            }
            if (actual.Size != listed.Size || actual.Sha256 != listed.Sha256)
            {
                throw new BackupException($"checksum mismatch: {listed.Name} is {actual.Size} bytes with SHA-256 {actual.Sha256}, but the manifest says {listed.Size} bytes with {listed.Sha256}. The archive is damaged; nothing was restored.");
            }
        }
        var database = Path.Combine(staging, BackupManifest.DatabaseEntry);
        var (migration, _) = await DescribeAsync(database, ct).ConfigureAwait(false);
        if (!SqliteSchema.KnownMigrationIds().Contains(migration, StringComparer.Ordinal))
        {
            throw new BackupException($"the backup's database is at migration {migration}, which this Wane ({BackupManifest.ThisWaneVersion}) does not know: it was made by a newer Wane. Upgrade Wane, then restore.");
        }
        return new VerifiedBackup(manifest, database, found.ContainsKey(BackupManifest.KeyEntry) ? Path.Combine(staging, BackupManifest.KeyEntry) : null);
    }

    private static async Task<bool> IsGzipAsync(FileStream file, CancellationToken ct)
    {
        var magic = new byte[2];
        var read = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, ct).ConfigureAwait(false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static async Task<byte[]> ReadSmallAsync(TarEntry entry, CancellationToken ct)
    {
        if (entry.Length > BackupManifest.MaxBytes || entry.DataStream is not { } data)
        {
            throw new BackupException($"{BackupManifest.EntryName} is empty or larger than {BackupManifest.MaxBytes} bytes: it is not a Wane manifest.");
        }
        using var buffer = new MemoryStream();
        await data.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task<(long Size, string Sha256)> UnpackAsync(TarEntry entry, string path, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFile;
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var output = new FileStream(path, options);
        await using (output.ConfigureAwait(false))
        {
            if (entry.DataStream is { } data)
            {
                var buffer = new byte[81920];
                int n;
                while ((n = await data.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    await output.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                    size += n;
                }
            }
        }
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
