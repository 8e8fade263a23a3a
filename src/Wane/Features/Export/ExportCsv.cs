using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Export;

/// <summary>The tables a CSV export can hold.</summary>
internal enum ExportTable
{
    Doses,
    CheckIns,
}

/// <summary>
/// Doses and check-ins as CSV for spreadsheets (RFC 4180, invariant culture: a "." decimal
/// point), one row each, with the local date and time next to the UTC instant. Streams like the
/// JSON export.
/// </summary>
internal sealed class ExportCsv(WaneDb db, Profile profile)
{
    public static string FileName(ExportTable table) => table == ExportTable.Doses ? "doses.csv" : "checkins.csv";

    /// <summary>One table as CSV.</summary>
    public async Task<int> WriteAsync(string userId, ExportTable table, TextWriter output, Action? onRow, CancellationToken ct)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        // CsvWriter writes synchronously, which a response stream does not allow: it fills a small
        // buffer that is drained to the output asynchronously every few hundred rows.
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        // A note that starts with "=" must not run as a formula when a spreadsheet opens the file.
        using var csv = CsvWriter.Create(buffer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape }, leaveOpen: true);
        var sink = new Sink(csv, buffer, output);
        var count = table == ExportTable.Doses
            ? await DosesAsync(userId, days, sink, onRow, ct).ConfigureAwait(false)
            : await CheckInsAsync(userId, days, sink, onRow, ct).ConfigureAwait(false);
        await sink.DrainAsync(ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
        return count;
    }

    /// <summary>Both tables as a ZIP of <c>doses.csv</c> and <c>checkins.csv</c>.</summary>
    /// <remarks>
    /// The archive is built in a temporary file (deleted on close) and then copied: ZIP writing is partly
    /// synchronous, which a response stream does not allow, and a file keeps memory flat.
    /// </remarks>
    public async Task WriteZipAsync(string userId, Stream output, Action? onRow, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "wane-export-" + Guid.NewGuid().ToString("N") + ".zip");
        await using var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (var zip = new ZipArchive(temp, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var table in Enum.GetValues<ExportTable>())
            {
                var entry = zip.CreateEntry(FileName(table), CompressionLevel.Optimal);
                await using var stream = entry.Open();
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                await WriteAsync(userId, table, writer, onRow, ct).ConfigureAwait(false);
                await writer.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        temp.Position = 0;
        await temp.CopyToAsync(output, ct).ConfigureAwait(false);
    }

    private async Task<int> DosesAsync(string userId, LocalDays days, Sink sink, Action? onRow, CancellationToken ct)
    {
        var csv = sink.Csv;
        var products = await db.Products.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Id, p => p.Name, ct).ConfigureAwait(false);
        csv.WriteRecord(["id", "taken_at_utc", "local_date", "local_time", "time_zone", "product_id", "product", "kind", "amount", "unit",             "normalized_amount", "normalized_unit", "meal", "reason", "pain_before", "note", "client_id"]);
        var count = 0;
        var rows = db.Doses.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.TakenAt).ThenBy(d => d.Id).AsAsyncEnumerable();
        await foreach (var d in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            var local = days.LocalTimeOf(d.TakenAt);
            csv.WriteField(Text(d.Id));
            csv.WriteField(Text(TimeText.Format(d.TakenAt)));
            csv.WriteField(Text(TimeText.Format(days.DayOf(d.TakenAt))));
            csv.WriteField(Text(TimeText.FormatClock(local)));
            csv.WriteField(Text(days.Zone.Id));
            csv.WriteField(Text(d.ProductId));
            csv.WriteField(Text(products.GetValueOrDefault(d.ProductId, "")));
            csv.WriteField(Text(WireName.Of(d.Kind)));
            csv.WriteField(Text(d.Amount));
            csv.WriteField(Text(d.Unit.Name()));
            csv.WriteField(Text(d.NormalizedAmount));
            csv.WriteField(Text(d.NormalizedUnit?.Name()));
            csv.WriteField(Text(d.Meal is { } m ? WireName.Of(m) : null));
            csv.WriteField(Text(d.Reason is { } r ? WireName.Of(r) : null));
            csv.WriteField(Text(d.PainBefore));
            csv.WriteField(Text(d.Note));
            csv.WriteField(Text(d.ClientId?.ToString()));
            csv.EndRecord();
            count++;
            onRow?.Invoke();
            if (count % 256 == 0)
            {
                await sink.DrainAsync(ct).ConfigureAwait(false);
            }
        }
        return count;
    }

    private async Task<int> CheckInsAsync(string userId, LocalDays days, Sink sink, Action? onRow, CancellationToken ct)
    {
        var csv = sink.Csv;
        csv.WriteRecord(["id", "taken_at_utc", "local_date", "local_time", "time_zone", "instrument", "score", "band",             "answers", "pain", "sleep", "mood", "craving", "red_flags", "note"]);
        var count = 0;
        var rows = db.CheckIns.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.TakenAt).ThenBy(c => c.Id).AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            using var answers = JsonDocument.Parse(c.AnswersJson);
            var a = answers.RootElement;
            string? Daily(string name) =>
                a.ValueKind == JsonValueKind.Object && a.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
            csv.WriteField(Text(c.Id));
            csv.WriteField(Text(TimeText.Format(c.TakenAt)));
            csv.WriteField(Text(TimeText.Format(days.DayOf(c.TakenAt))));
            csv.WriteField(Text(TimeText.FormatClock(days.LocalTimeOf(c.TakenAt))));
            csv.WriteField(Text(days.Zone.Id));
            csv.WriteField(Text(c.Instrument));
            csv.WriteField(Text(c.Score));
            csv.WriteField(Text(c.Band));
            csv.WriteField(Text(a.ValueKind == JsonValueKind.Array ? string.Join(";", a.EnumerateArray().Select(x => x.ToString())) : null));
            csv.WriteField(Text(Daily("pain")));
            csv.WriteField(Text(Daily("sleep")));
            csv.WriteField(Text(Daily("mood")));
            csv.WriteField(Text(Daily("craving")));
            csv.WriteField(Text(c.RedFlags?.Replace(',', ';')));
            csv.WriteField(Text(Daily("note")));
            csv.EndRecord();
            count++;
            onRow?.Invoke();
            if (count % 256 == 0)
            {
                await sink.DrainAsync(ct).ConfigureAwait(false);
            }
        }
        return count;
    }

    private sealed record Sink(CsvWriter Csv, StringWriter Buffer, TextWriter Output)
    {
        public async Task DrainAsync(CancellationToken ct)
        {
            Csv.Flush();
            var text = Buffer.GetStringBuilder();
            await Output.WriteAsync(text, ct).ConfigureAwait(false);
            text.Clear();
        }
    }

    /// <summary>
    /// Control characters other than newline and tab (refused on input, but older records may hold them)
    /// are written as \uXXXX, so a CSV printed on a terminal cannot drive it.
    /// </summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        string text => VisibleText.Of(text),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
