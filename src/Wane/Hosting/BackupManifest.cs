using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wane.Hosting;

/// <summary>
/// <c>manifest.json</c>, the first entry of a backup archive: what it holds and how to check it. Restore
/// refuses another <see cref="Format"/>, a <see cref="Version"/> it does not know, and any entry whose
/// size or SHA-256 differs from what is listed here.
/// </summary>
internal sealed record BackupManifest(
    string Format,
    int Version,
    string CreatedAt,
    string WaneVersion,
    string Migration,
    long Doses,
    bool KeysIncluded,
    IReadOnlyList<BackupEntry> Entries)
{
    public const string FormatName = "wane-backup";
    public const int CurrentVersion = 1;
    public const string EntryName = "manifest.json";
    public const string DatabaseEntry = "wane.db";
    public const string KeyEntry = KeyEncryption.FileName;

    /// <summary>The largest manifest read: a few hundred bytes in practice.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true,
        // A file an admin reads, never HTML: "1.0.0+abc" stays readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string ThisWaneVersion =>
        typeof(BackupManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads and checks a manifest; every problem is a <see cref="BackupException"/> naming it.</summary>
    public static BackupManifest Parse(ReadOnlySpan<byte> bytes)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(bytes, Json);
        }
        catch (JsonException e)
        {
            throw new BackupException("manifest.json is not valid JSON: " + e.Message, e);
        }
        if (manifest is null || manifest.Format != FormatName)
        {
            throw new BackupException($"manifest.json does not describe a Wane backup (format \"{manifest?.Format}\", expected \"{FormatName}\").");
        }
        if (manifest.Version != CurrentVersion)
        {
            throw new BackupException($"manifest.json has version {manifest.Version}; this Wane reads version {CurrentVersion}. Restore it with the Wane that made it ({manifest.WaneVersion}) or a newer one.");
        }
        if (manifest.Entries is null || !manifest.Entries.Any(e => e.Name == DatabaseEntry)
            || manifest.Entries.Any(e => e.Name is not (DatabaseEntry or KeyEntry) || e.Size < 0 || e.Sha256 is not { Length: 64 })
            || manifest.Entries.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count() != manifest.Entries.Count)
        {
            throw new BackupException($"manifest.json must list {DatabaseEntry} (and may list {KeyEntry}), each once with its size and SHA-256.");
        }
        return manifest;
    }
}

/// <summary>One file of a backup archive: its name, size in bytes and SHA-256 (lowercase hex).</summary>
internal sealed record BackupEntry(string Name, long Size, string Sha256);
