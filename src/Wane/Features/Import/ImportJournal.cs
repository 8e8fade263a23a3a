using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;
using Wane.Features.Export;

namespace Wane.Features.Import;

/// <summary>
/// Imports a PsychonautWiki Journal export (docs/import-format.md): every ingestion of every
/// experience becomes a dose; each substance becomes a product by name (kratom as kratom, an opioid
/// of the CDC table as that opioid, anything else as kind "other"). An ingestion without a dose,
/// in a custom unit, or taken by someone else is not imported, and the report says so.
/// </summary>
internal sealed class ImportJournal(WaneDb db, IClock clock)
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["g"] = "g", ["mg"] = "mg", ["µg"] = "mcg", ["μg"] = "mcg", ["ug"] = "mcg", ["mcg"] = "mcg", ["ml"] = "ml", ["mL"] = "ml",
    };

    public async Task<ImportReport> HandleAsync(string userId, byte[] bytes, ImportOptions options, CancellationToken ct)
    {
        var body = ImportLimits.Utf8Body(bytes);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new ImportFileException(new FieldError("file",
                $"The file is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): it may be cut short."));
        }
        var now = clock.GetCurrentInstant();
        var rejected = new List<ImportRejection>();
        var batch = new ImportBatch(userId);
        var rows = new List<At<ExportDose>>();
        var wanted = new Dictionary<string, (string Name, DoseUnit? Unit, string Path)>();
        int notTaken = 0;
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("experiences", out var experiences)
                || experiences.ValueKind != JsonValueKind.Array)
            {
                throw new ImportFileException(new FieldError("experiences", "A PsychonautWiki Journal export is an object with a list of \"experiences\"; this file has none."));
            }
            var e = 0;
            foreach (var experience in experiences.EnumerateArray())
            {
                var at = $"experiences[{e++}]";
                if (experience.ValueKind != JsonValueKind.Object || !experience.TryGetProperty("ingestions", out var ingestions) || ingestions.ValueKind != JsonValueKind.Array)
                {
                    rejected.Add(new($"{at}.ingestions", "An experience has a list of ingestions."));
                    continue;
                }
                var i = 0;
                foreach (var ingestion in ingestions.EnumerateArray())
                {
                    var path = $"{at}.ingestions[{i++}]";
                    if (Read(ingestion, path, rejected, ref notTaken) is not { } row)
                    {
                        continue;
                    }
                    var key = ProductByName.Key(row.Substance);
                    if (!wanted.ContainsKey(key))
                    {
                        wanted[key] = (row.Substance, DoseUnits.TryParse(row.Unit, out var u) ? u : null, path);
                    }
                    rows.Add(new(path, new ExportDose(rows.Count, key.GetHashCode(StringComparison.Ordinal), "", row.Amount, row.Unit,
                        TimeText.Format(row.Time), null, null, null, row.Note, null, null, null, null, TimeText.Format(now), TimeText.Format(now))));
                }
            }
        }
        var stash = (await db.Products.Where(p => p.UserId == userId).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(p => ProductByName.Key(p.Name)).ToDictionary(g => g.Key, g => g.First());
        int add = 0, skip = 0, reject = 0;
        var notes = new List<string>();
        foreach (var (key, w) in wanted)
        {
            var id = key.GetHashCode(StringComparison.Ordinal);
            if (stash.TryGetValue(key, out var existing))
            {
                batch.ProductFor[id] = existing;
                batch.Skip($"{w.Path}.substanceName", $"The product \"{existing.Name}\" is already in your stash; its doses go to it.");
                skip++;
                continue;
            }
            var (draft, why) = ProductByName.Draft(w.Name, null, w.Unit);
            var (valid, errors) = draft is null ? (null, []) : ProductRules.Validate(draft);
            if (valid is null)
            {
                rejected.Add(new($"{w.Path}.substanceName", why ?? $"\"{w.Name}\" could not be made a product: {string.Join(" ", errors.Select(x => x.Message))}"));
                reject++;
                continue;
            }
            var product = ProductByName.Create(userId, valid, now);
            batch.ProductFor[id] = product;
            batch.Products.Add(product);
            notes.Add($"{w.Name} becomes a new product of kind {WireName.Of(product.Kind)}{(product.Opioid is { } o ? $" ({WireName.Of(o)}, with its CDC conversion factor)" : "")}.");
            add++;
        }
        var doses = await ImportDoses.PlanAsync(db, userId, rows, batch.ProductFor, now, batch, rejected, ct).ConfigureAwait(false);
        doses = doses with { Reject = doses.Reject + notTaken };
        var store = !options.DryRun && (rejected.Count == 0 || options.ValidOnly);
        if (store)
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId, ct).ConfigureAwait(false);
            await batch.SaveAsync(db, user, now, ct).ConfigureAwait(false);
        }
        notes.Add("Imported doses are records of the past: they are checked like logged doses but raise no advice. Routes, ratings, timed notes and locations are not imported.");
        return new ImportReport("psychonautwiki", options.DryRun, store, [new ImportCount("products", add, skip, reject), doses], rejected, batch.Skips, ImportNotes.With(notes, batch));
    }

    /// <summary>The text of a JSON string, or null when it is not valid text (a lone surrogate).</summary>
    private static string? Safe(JsonElement v)
    {
        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private sealed record Row(string Substance, decimal Amount, string Unit, Instant Time, string? Note);

    private static Row? Read(JsonElement e, string path, List<ImportRejection> rejected, ref int notTaken)
    {
        string? Text(string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Safe(v) : null;
        bool Present(string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;
        string? why = null;
        if (e.ValueKind != JsonValueKind.Object || Text("substanceName") is not { Length: > 0 } substance)
        {
            why = "substanceName: an ingestion names its substance.";
            substance = "";
        }
        else if (Present("consumerName") && Text("consumerName") is { Length: > 0 })
        {
            why = "consumerName: taken by someone else, so not part of your record.";
        }
        else if (Present("customUnitId"))
        {
            why = "customUnitId: the dose is in a custom unit of the Journal app, which has no Wane equivalent.";
        }
        else if (!e.TryGetProperty("dose", out var dose) || dose.ValueKind != JsonValueKind.Number || !dose.TryGetDecimal(out var amount))
        {
            why = "dose: no dose was recorded (an unknown dose); Wane does not guess one.";
            amount = 0;
        }
        else if (Text("units") is not { } unit || !Units.TryGetValue(unit.Trim(), out var wane))
        {
            why = $"units: \"{Text("units")}\" is not a unit Wane records (g, mg, µg, ml).";
        }
        else if (!e.TryGetProperty("time", out var time) || time.ValueKind != JsonValueKind.Number || !time.TryGetInt64(out var ms)
                 || ms < DoseRules.Earliest.ToUnixTimeMilliseconds() || ms > Instant.MaxValue.ToUnixTimeMilliseconds())
        {
            why = "time: the time is milliseconds since 1970 and no earlier than 2000.";
        }
        else
        {
            return new Row(substance, amount, wane, Instant.FromUnixTimeMilliseconds(ms), Text("notes") is { Length: > 0 } n ? n : null);
        }
        var cut = why.IndexOf(':', StringComparison.Ordinal);
        rejected.Add(new($"{path}.{why[..cut]}", why[(cut + 2)..]));
        notTaken++;
        return null;
    }
}
