using System.CommandLine;
using System.Globalization;
using Wane.Hosting;

namespace Wane.Cli;

/// <summary>
/// <c>wane backup FILE</c> and <c>wane restore FILE</c>: one archive with a consistent snapshot of the
/// database (taken while a server runs and writes) and the key file that keeps people signed in
/// (docs/backup.md).
/// </summary>
internal static class BackupCommands
{
    private const string PostgresHelp =
        "on PostgreSQL, back up with pg_dump and restore with pg_restore (see docs/backup.md), together with the data-protection certificate.";

    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var backupFile = new Argument<string>("FILE") { Description = "The archive to write (a .tar; .tar.gz or .tgz to compress it)" };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists" };
        var withoutKeys = new Option<bool>("--without-keys") { Description = $"Leave {KeyEncryption.FileName} out (keep it elsewhere: without it, a restore signs everyone out)" };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary" };
        root.Add(runtime.Bare("backup", "Write a consistent backup of the database and its key file while Wane runs: FILE [--force] [--without-keys] [--json]",
            [backupFile, force, withoutKeys, json], async (parse, ct) =>
        {
            var config = runtime.Configuration(parse.GetValue(WaneCli.DataDirOption));
            var database = SqliteFile(config, "backup");
            if (!File.Exists(database))
            {
                throw new CliException($"there is no database at {database} to back up (is --data-dir or WANE_DATA_DIR right?).");
            }
            var configured = config["DataProtection:Certificate:Path"];
            var keyFile = Path.Combine(DataLocation.DataDirectory(config), KeyEncryption.FileName);
            var include = !parse.GetValue(withoutKeys) && string.IsNullOrWhiteSpace(configured) && File.Exists(keyFile);
            var result = await BackupArchive.CreateAsync(database, include ? keyFile : null, parse.GetValue(backupFile)!, parse.GetValue(force), runtime.Clock(), ct).ConfigureAwait(false);
            var keyNote = include ? null
                : !string.IsNullOrWhiteSpace(configured) ? $"The certificate comes from configuration ({configured}): it is not in this backup; back it up separately, or a restore signs everyone out."
                : parse.GetValue(withoutKeys) ? $"{KeyEncryption.FileName} was left out: keep a copy of {keyFile} elsewhere, or a restore signs everyone out."
                : $"There is no {KeyEncryption.FileName} yet (Wane has not served): a restore will make a new one and everyone signs in again.";
            var m = result.Manifest;
            if (parse.GetValue(json))
            {
                runtime.Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
                {
                    file = result.Path,
                    bytes = result.Bytes,
                    createdAt = m.CreatedAt,
                    waneVersion = m.WaneVersion,
                    migration = m.Migration,
                    doses = m.Doses,
                    keysIncluded = m.KeysIncluded,
                    entries = m.Entries,
                    note = keyNote,
                }, CliHost.Json));
                return;
            }
            var o = runtime.Console.Out;
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backed up to {result.Path} ({result.Bytes:N0} bytes): {m.Doses:N0} dose{(m.Doses == 1 ? "" : "s")}, schema at {m.Migration}, keys {(m.KeysIncluded ? "included" : "not included")}.")).ConfigureAwait(false);
            await o.WriteLineAsync("It holds everyone's journal" + (m.KeysIncluded ? " and the key to their sign-ins" : "") + ": keep it where only you can read it.").ConfigureAwait(false);
            if (keyNote is not null)
            {
                await o.WriteLineAsync(keyNote).ConfigureAwait(false);
            }
        }));

        var restoreFile = new Argument<string>("FILE") { Description = "An archive written by wane backup" };
        var replace = new Option<bool>("--force") { Description = "Replace an existing database (it is kept as wane.db.before-restore-<time>)" };
        root.Add(runtime.Bare("restore", "Restore a backup into the data folder (never while a server uses it): FILE [--force]",
            [restoreFile, replace], async (parse, ct) =>
        {
            var dataDir = parse.GetValue(WaneCli.DataDirOption);
            var config = runtime.Configuration(dataDir);
            var database = SqliteFile(config, "restore");
            var configured = config["DataProtection:Certificate:Path"];
            var keyTarget = string.IsNullOrWhiteSpace(configured) ? Path.Combine(DataLocation.DataDirectory(config), KeyEncryption.FileName) : null;
            var result = await BackupRestore.RunAsync(parse.GetValue(restoreFile)!, database, keyTarget, parse.GetValue(replace), runtime.Clock(), async token =>
            {
                // The ordinary verbs' start: migrates a database older than this Wane, as serve would.
                await using var host = await runtime.OpenHostAsync(dataDir, token).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);

            var m = result.Manifest;
            var o = runtime.Console.Out;
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Restored {m.Doses:N0} dose{(m.Doses == 1 ? "" : "s")} from the backup of {m.CreatedAt} (Wane {m.WaneVersion}) into {result.Database}.")).ConfigureAwait(false);
            if (result.KeptDatabase is not null)
            {
                await o.WriteLineAsync($"The database it replaced is kept as {result.KeptDatabase}.").ConfigureAwait(false);
            }
            await o.WriteLineAsync(result.KeyRestored
                ? $"The key file was restored{(result.KeptKey is null ? "" : $" (the one it replaced is kept as {result.KeptKey})")}: people stay signed in."
                : m.KeysIncluded
                    ? $"The backup's {KeyEncryption.FileName} was not restored: this Wane uses the certificate at {configured}; unless it is the one the backup was made with, everyone signs in again."
                    : "The backup holds no key file: unless you put back the certificate it was made with, everyone signs in again (passwords, tokens and data are unaffected).").ConfigureAwait(false);
        }));
    }

    /// <summary>The SQLite file the verb works on; on another provider, where to look instead.</summary>
    private static string SqliteFile(IConfiguration config, string verb)
    {
        var provider = (config["Database:Provider"] ?? DataLocation.Sqlite).Trim().ToLowerInvariant();
        if (provider != DataLocation.Sqlite)
        {
            throw new CliException($"wane {verb} works on SQLite; Database:Provider is \"{provider}\": " + PostgresHelp);
        }
        return DataLocation.From(config).DatabaseFile
            ?? throw new CliException($"wane {verb}: the database is in memory; there is no file to {verb}.");
    }
}
