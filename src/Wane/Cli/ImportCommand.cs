using System.CommandLine;
using System.Globalization;
using Wane.Domain;
using Wane.Features.Common;
using Wane.Features.Import;

namespace Wane.Cli;

/// <summary><c>wane import FILE</c>: Wane's JSON export, a CSV of doses or a PsychonautWiki Journal export into your record.</summary>
internal static class ImportCommand
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var file = new Argument<string>("FILE") { Description = "The file to import (at most 128 MB; not a ZIP)" };
        var format = new Option<string?>("--format") { Description = "wane (the default for .json), csv (the default for .csv) or psychonautwiki" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would be added, skipped and rejected; store nothing" };
        var validOnly = new Option<bool>("--valid-only") { Description = "Import the valid records even when some are rejected (otherwise a rejected record stores nothing)" };
        root.Add(runtime.Command("import", "Import a file into your record: FILE [--format wane|csv|psychonautwiki] [--dry-run] [--valid-only]", [file, format, dryRun, validOnly], async (host, parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            var chosen = parse.GetValue(format) ?? (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "wane");
            if (ImportFile.ParseFormat(chosen) is not Outcome<ImportFormat>.Ok(var which))
            {
                throw new CliException([new FieldError("format", ImportFile.FormatHelp)]);
            }
            if (!File.Exists(path))
            {
                throw new CliException($"file: {path} does not exist.");
            }
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            ImportReport report;
            try
            {
                if (new FileInfo(path).Length > ImportLimits.MaxBytes)
                {
                    throw new ImportFileException(new FieldError("file", ImportLimits.TooLargeText), tooLarge: true);
                }
                await using var stream = File.OpenRead(path);
                var bytes = await ImportLimits.ReadAsync(stream, stream.Length, ct).ConfigureAwait(false);
                report = await host.Get<ImportFile>().HandleAsync(user.Id, which, bytes, new ImportOptions(parse.GetValue(dryRun), parse.GetValue(validOnly)), ct).ConfigureAwait(false);
            }
            catch (ImportFileException e)
            {
                throw new CliException([e.Error]);
            }
            await PrintAsync(host.Console.Out, report).ConfigureAwait(false);
            if (!report.DryRun && !report.Stored)
            {
                throw new CliException($"Nothing was stored: {report.RejectedCount.ToString(CultureInfo.InvariantCulture)} record(s) rejected. Fix them, or run again with --valid-only to import the others.");
            }
        }));
    }

    private static async Task PrintAsync(TextWriter output, ImportReport report)
    {
        var heading = report.DryRun ? "Dry run: nothing was stored." : report.Stored ? "Imported." : "Not imported.";
        await output.WriteLineAsync(heading).ConfigureAwait(false);
        foreach (var c in report.Counts)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Kind,-9} {(report.Stored ? "added" : "to add")} {c.Add,6}   skipped (already there) {c.Skip,6}   rejected {c.Reject,6}")).ConfigureAwait(false);
        }
        foreach (var r in report.Rejected)
        {
            await output.WriteLineAsync($"  rejected {r.Path}: {r.Reason}").ConfigureAwait(false);
        }
        foreach (var s in report.SkippedRecords)
        {
            await output.WriteLineAsync($"  skipped {s.Path}: {s.Reason}").ConfigureAwait(false);
        }
        foreach (var n in report.Notes)
        {
            await output.WriteLineAsync($"  note: {n}").ConfigureAwait(false);
        }
    }
}
