using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Wane.Data;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;
using Wane.Features.Accounts;
using Wane.Features.Export;

namespace Wane.Features.Import;

/// <summary>
/// Imports a CSV of doses (docs/import-format.md): a time (an instant, or a local date and time in
/// the person's zone), product name, amount and unit per row, with optional fields. Wane's own
/// doses.csv is such a file. A product not in the stash is created by name (listed in the dry run).
/// </summary>
internal sealed class ImportCsv(WaneDb db, IClock clock, Profile profile)
{
    private static readonly string[] Required = ["product", "amount", "unit"];
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");

    public async Task<ImportReport> HandleAsync(string userId, byte[] bytes, ImportOptions options, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var rejected = new List<ImportRejection>();
        var batch = new ImportBatch(userId);
        var rows = new List<At<ExportDose>>();
        var wanted = new Dictionary<string, (string Name, string? Kind, DoseUnit? Unit, string Line)>();

        var readerOptions = new CsvReaderOptions { FormatProvider = CultureInfo.InvariantCulture, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw };
        using var reader = ImportLimits.Reader(bytes);
        using var csv = CsvReader.Create(reader, readerOptions, leaveOpen: false);
        try
        {
            if (csv.Headers is not { Count: > 0 } header)
            {
                throw new ImportFileException(new("file", "The file is empty: the first line names the columns (see docs/import-format.md)."));
            }
            var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var columns = names.ToHashSet();
            var missing = Required.Where(r => !columns.Contains(r)).ToList();
            var hasInstant = columns.Contains("taken_at_utc") || columns.Contains("taken_at");
            if (!hasInstant && !(columns.Contains("local_date") && columns.Contains("local_time")))
            {
                missing.Add("taken_at (or local_date and local_time)");
            }
            if (missing.Count > 0)
            {
                throw new ImportFileException(new("columns", $"Missing column{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}. The first line names the columns; see docs/import-format.md."));
            }
            var index = 0L;
            while (csv.Read())
            {
                var line = $"line {csv.LineNumber.ToString(CultureInfo.InvariantCulture)}";
                string? Get(string name) => names.IndexOf(name) is >= 0 and var i && i < csv.FieldCount && csv.GetStringOrNull(i)?.Trim() is { Length: > 0 } v ? v : null;
                var product = Get("product");
                var whenText = Get("taken_at_utc") ?? Get("taken_at");
                Instant? when = whenText is not null ? TimeText.ParseInstant(whenText)
                    : Get("local_date") is { } d && Get("local_time") is { } t && Local.Parse($"{d} {t}") is { Success: true } l ? days.InstantOf(l.Value) : null;
                if (product is null || when is null)
                {
                    rejected.Add(new($"{line}.{(product is null ? "product" : "taken_at")}", product is null
                        ? "Name the product taken."
                        : "Give taken_at as an RFC 3339 instant (2026-11-25T13:30:00Z), or local_date (2026-11-25) and local_time (08:30)."));
                    continue;
                }
                if (!decimal.TryParse(Get("amount"), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
                {
                    rejected.Add(new($"{line}.amount", "The amount is a number with a . as decimal point, e.g. 2.5."));
                    continue;
                }
                var unit = Get("unit");
                var key = ProductByName.Key(product);
                if (!wanted.ContainsKey(key))
                {
                    wanted[key] = (product, Get("kind"), DoseUnits.TryParse(unit, out var u) ? u : null, line);
                }
                int? pain = int.TryParse(Get("pain_before"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
                Guid? clientId = Guid.TryParse(Get("client_id"), out var g) ? g : null;
                var note = Get("note") is { } n && n.StartsWith('\'') && n.Length > 1 && "=+-@".Contains(n[1], StringComparison.Ordinal) ? n[1..] : Get("note");
                rows.Add(new(line, new ExportDose(index++, ProductIdOf(key), "", amount, unit ?? "", TimeText.Format(when.Value),
                    Get("meal"), Get("reason"), pain, note, clientId, null, null, null, TimeText.Format(now), TimeText.Format(now))));
            }
        }
        catch (CsvFormatException e)
        {
            throw new ImportFileException(new("file", $"The CSV cannot be read: {e.Message} Check its quotes."));
        }

        var products = await Products(userId, wanted, now, batch, rejected, ct).ConfigureAwait(false);
        var doses = await ImportDoses.PlanAsync(db, userId, rows, batch.ProductFor, now, batch, rejected, ct).ConfigureAwait(false);
        var parseRejects = rejected.Count(r => !r.Path.Contains(".productId", StringComparison.Ordinal)) - doses.Reject - products.Reject;
        doses = doses with { Reject = doses.Reject + Math.Max(parseRejects, 0) };
        var store = !options.DryRun && (rejected.Count == 0 || options.ValidOnly);
        if (store)
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId, ct).ConfigureAwait(false);
            await batch.SaveAsync(db, user, now, ct).ConfigureAwait(false);
        }
        var notes = new List<string> { "Imported doses are records of the past: they are checked like logged doses but raise no advice." };
        notes.AddRange(batch.Products.Select(p => $"A new product will be created: {p.Name} ({WireNameOf(p)})."));
        return new ImportReport("csv", options.DryRun, store, [products, doses], rejected.OrderBy(r => r.Path, StringComparer.Ordinal).ToList(), batch.Skips, ImportNotes.With(notes, batch));
    }

    private static long ProductIdOf(string key) => key.GetHashCode(StringComparison.Ordinal);

    private static string WireNameOf(Data.Entities.Product p) =>
        Domain.WireName.Of(p.Kind) + (p.Opioid is { } o ? ", " + Domain.WireName.Of(o) : "");

    private async Task<ImportCount> Products(string userId, Dictionary<string, (string Name, string? Kind, DoseUnit? Unit, string Line)> wanted,
        Instant now, ImportBatch batch, List<ImportRejection> rejected, CancellationToken ct)
    {
        int add = 0, skip = 0, reject = 0;
        var stash = (await db.Products.Where(p => p.UserId == userId).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(p => ProductByName.Key(p.Name)).ToDictionary(g => g.Key, g => g.First());
        foreach (var (key, w) in wanted)
        {
            if (stash.TryGetValue(key, out var existing))
            {
                batch.ProductFor[ProductIdOf(key)] = existing;
                batch.Skip($"{w.Line}.product", $"The product \"{existing.Name}\" is already in your stash; its doses go to it.");
                skip++;
                continue;
            }
            var (draft, why) = ProductByName.Draft(w.Name, w.Kind, w.Unit);
            var (valid, errors) = draft is null ? (null, []) : ProductRules.Validate(draft);
            if (valid is null)
            {
                rejected.Add(new($"{w.Line}.product", why ?? $"A product \"{w.Name}\" cannot be created: {string.Join(" ", errors.Select(e => e.Message))}"));
                reject++;
                continue;
            }
            var product = ProductByName.Create(userId, valid, now);
            batch.ProductFor[ProductIdOf(key)] = product;
            batch.Products.Add(product);
            add++;
        }
        return new ImportCount("products", add, skip, reject);
    }
}
