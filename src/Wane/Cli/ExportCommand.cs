using System.CommandLine;
using System.Text;
using Spectre.Console;
using Wane.Features.Common;
using Wane.Features.Export;
using Wane.Features.Fhir;

namespace Wane.Cli;

/// <summary><c>wane export</c>: everything of yours as JSON, or doses and check-ins as CSV.</summary>
internal static class ExportCommand
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var format = new Option<string>("--format") { Description = "json (everything, Wane's own format; the default), csv, or fhir (a FHIR R4 Bundle of a period)", DefaultValueFactory = _ => "json" };
        var from = new Option<string?>("--from") { Description = "With --format fhir: the first local day (YYYY-MM-DD; default 365 days before --to)" };
        var to = new Option<string?>("--to") { Description = "With --format fhir: the last local day (default today)" };
        var patientName = new Option<string?>("--patient-name") { Description = "With --format fhir: a name for the Patient resource (left out, the bundle is pseudonymous)" };
        var table = new Option<string?>("--table") { Description = "With --format csv: doses or checkins (without it, a ZIP of both; needs --out)" };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output" };
        root.Add(runtime.Command("export", "Export your record: --format json|csv|fhir [--table doses|checkins] [--from] [--to] [--out FILE]", [format, table, output, from, to, patientName], async (host, parse, ct) =>
        {
            if (string.Equals(parse.GetValue(format)?.Trim(), "fhir", StringComparison.OrdinalIgnoreCase))
            {
                if (parse.GetValue(table) is not null)
                {
                    throw new CliException("table: A table can be chosen only with --format csv.");
                }
                await FhirAsync(host, parse.GetValue(WaneCli.UserOption), parse.GetValue(from), parse.GetValue(to), parse.GetValue(patientName), parse.GetValue(output), ct).ConfigureAwait(false);
                return;
            }
            if (ExportRequest.Parse(parse.GetValue(format), parse.GetValue(table)) is not Outcome<ExportRequest>.Ok(var request))
            {
                throw new CliException(((Outcome<ExportRequest>.Invalid)ExportRequest.Parse(parse.GetValue(format), parse.GetValue(table))).Errors);
            }
            var path = parse.GetValue(output);
            if (path is null && !request.Json && request.Table is null)
            {
                throw new CliException("table: CSV of both tables is a ZIP file: give --out FILE.zip, or choose --table doses or --table checkins.");
            }
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            if (path is null)
            {
                // Standard output is text: the JSON and a single CSV table are UTF-8 text.
                await using var stdout = new TextWriterStream(host.Console.Data);
                await WriteAsync(host, user.Id, request, stdout, onRow: null, ct).ConfigureAwait(false);
                return;
            }
            var full = Path.GetFullPath(path);
            await using (var file = OwnerOnlyFile(full))
            {
                if (host.Console.Interactive)
                {
                    var total = await host.Get<ExportRecord>().CountAsync(user.Id, ct).ConfigureAwait(false);
                    await host.Console.Ansi().Progress().AutoClear(true).StartAsync(async progress =>
                    {
                        var task = progress.AddTask("Exporting", maxValue: Math.Max(total, 1));
                        await WriteAsync(host, user.Id, request, file, () => task.Increment(1), ct).ConfigureAwait(false);
                        task.Value = task.MaxValue;
                    }).ConfigureAwait(false);
                }
                else
                {
                    await WriteAsync(host, user.Id, request, file, onRow: null, ct).ConfigureAwait(false);
                }
            }
            await host.Console.Error.WriteLineAsync($"Exported to {full} ({new FileInfo(full).Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes).").ConfigureAwait(false);
        }));
    }

    // The file holds health data: readable by its owner only, whatever the umask.
    internal static FileStream OwnerOnlyFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 64 * 1024, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(path, options);
    }

    private static async Task FhirAsync(CliHost host, string? userName, string? from, string? to, string? patientName, string? path, CancellationToken ct)
    {
        var user = await host.UserAsync(userName, ct).ConfigureAwait(false);
        var outcome = await host.Get<ExportFhir>().HandleAsync(user.Id, from, to, patientName, ct).ConfigureAwait(false);
        if (outcome is Outcome<Hl7.Fhir.Model.Bundle>.Invalid invalid)
        {
            throw new CliException(invalid.Errors);
        }
        var bundle = ((Outcome<Hl7.Fhir.Model.Bundle>.Ok)outcome).Value;
        if (path is null)
        {
            await using var stdout = new TextWriterStream(host.Console.Data);
            await System.Text.Json.JsonSerializer.SerializeAsync(stdout, bundle, ExportFhir.Json, ct).ConfigureAwait(false);
            await host.Console.Data.WriteLineAsync().ConfigureAwait(false);
            return;
        }
        var full = Path.GetFullPath(path);
        await using (var file = OwnerOnlyFile(full))
        {
            await System.Text.Json.JsonSerializer.SerializeAsync(file, bundle, ExportFhir.Json, ct).ConfigureAwait(false);
        }
        await host.Console.Error.WriteLineAsync($"Exported a FHIR R4 Bundle of {bundle.Entry.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} resources to {full}.").ConfigureAwait(false);
    }

    private static async Task WriteAsync(CliHost host, string userId, ExportRequest request, Stream output, Action? onRow, CancellationToken ct)
    {
        if (request.Json)
        {
            await host.Get<ExportRecord>().WriteJsonAsync(userId, output, onRow, ct).ConfigureAwait(false);
        }
        else if (request.Table is { } t)
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
            await host.Get<ExportCsv>().WriteAsync(userId, t, writer, onRow, ct).ConfigureAwait(false);
        }
        else
        {
            await host.Get<ExportCsv>().WriteZipAsync(userId, output, onRow, ct).ConfigureAwait(false);
        }
    }
}

/// <summary>A write-only stream of UTF-8 bytes onto a text writer (standard output, or a test's).</summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = new char[4096];

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = _decoder.GetCharCount(buffer, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[needed];
        }
        var n = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars, 0, n);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => writer.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
