using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Time;

namespace Wane.Features.Import;

/// <summary>What a host (API, page, CLI) asks of an import.</summary>
internal sealed record ImportOptions(bool DryRun, bool ValidOnly);

/// <summary>
/// Imports Wane's own JSON export into an account, fresh or not: every record goes through the same
/// rules as one entered by hand; records already there (same client id, or the same product name,
/// dose time, amount and unit, break dates, plan) are skipped, so a second import changes nothing.
/// A dry run stores nothing; a real run stores everything in one transaction, or nothing when a
/// record is rejected and the person did not choose to import only the valid ones.
/// </summary>
internal sealed class ImportWane(WaneDb db, IClock clock, ImportGuardrails guardrails, Accounts.RequestProfile requestProfile)
{
    public async Task<ImportReport> HandleAsync(string userId, byte[] bytes, ImportOptions options, CancellationToken ct)
    {
        var file = ReadWaneExport.Read(bytes);
        var now = clock.GetCurrentInstant();
        var rejected = new List<ImportRejection>();
        var notes = new List<string>();
        var plan = new ImportBatch(userId);

        var stash = await db.Products.Where(p => p.UserId == userId).ToListAsync(ct).ConfigureAwait(false);
        var fresh = stash.Count == 0 && !await db.Doses.AnyAsync(d => d.UserId == userId, ct).ConfigureAwait(false);
        var products = Products(file, stash, now, plan, rejected);
        var doses = await ImportDoses.PlanAsync(db, userId, file.Doses, plan.ProductFor, now, plan, rejected, ct).ConfigureAwait(false);
        var changes = ImportDoseChanges.Plan(file.DoseChanges, plan, rejected);
        var breaks = await Breaks(userId, file, now, plan, rejected, ct).ConfigureAwait(false);
        var plans = await ImportPlans.PlanAsync(db, userId, file.Plans, now, plan, rejected, ct).ConfigureAwait(false);
        var checkIns = await ImportCheckIns.PlanAsync(db, userId, file.CheckIns, now, plan, rejected, ct).ConfigureAwait(false);
        var settings = await guardrails.PlanAsync(userId, file.Guardrails, plan, rejected, notes, ct).ConfigureAwait(false);
        // The records that could not be read were found while the lists were walked, above.
        rejected.InsertRange(0, file.Unreadable);

        var user = await db.Users.SingleAsync(u => u.Id == userId, ct).ConfigureAwait(false);
        if (file.Profile is { } p)
        {
            if (fresh && DateTimeZoneProviders.Tzdb.GetZoneOrNull(p.TimeZone) is not null && p.DayStartHour is >= 0 and <= 23)
            {
                plan.Profile = p;
                notes.Add($"Your time zone ({p.TimeZone}), day start ({p.DayStartHour}:00) and preferred unit are taken from the file: this account had no doses yet.");
            }
            else if (!fresh)
            {
                notes.Add("Your profile (time zone, day start, unit) is kept as it is: this account already has a record.");
            }
        }
        notes.Add("Imported doses are records of the past: they are checked like logged doses but raise no advice.");

        var counts = new List<ImportCount> { products, doses, changes, breaks, plans, checkIns, settings }
            .Select(c => c with { Reject = c.Reject + file.Unreadable.Count(r => r.Path.StartsWith(c.Kind + "[", StringComparison.Ordinal)) }).ToList();
        var store = !options.DryRun && (rejected.Count == 0 || options.ValidOnly);
        if (store)
        {
            await plan.SaveAsync(db, user, now, ct).ConfigureAwait(false);
            if (plan.Guardrails is not null)
            {
                requestProfile.Forget();
            }
        }
        return new ImportReport("wane", options.DryRun, store, counts, rejected, plan.Skips, ImportNotes.With(notes, plan));
    }

    private static ImportCount Products(WaneFile file, List<Product> stash, Instant now, ImportBatch plan, List<ImportRejection> rejected)
    {
        int add = 0, skip = 0, reject = 0;
        var byName = stash.GroupBy(p => p.Name.Trim().ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First());
        foreach (var (path, p) in file.Products)
        {
            var draft = new ProductDraft(p.Name, p.Kind, p.Strain, p.Form, p.Opioid, p.OtherClass, p.GramsPerCapsule, p.GramsPerTeaspoon,
                p.MgPerTablet, p.MgPerMl, p.Concentrated7OH, p.InStock, p.Batch);
            var (valid, errors) = ProductRules.Validate(draft);
            if (valid is null)
            {
                rejected.AddRange(errors.Select(e => new ImportRejection($"{path}.{e.Field}", e.Message)));
                reject++;
                continue;
            }
            var key = valid.Name.Trim().ToUpperInvariant();
            if (byName.TryGetValue(key, out var existing))
            {
                if (existing.Kind != valid.Spec.Kind)
                {
                    rejected.Add(new($"{path}.kind", $"You already have a product named \"{existing.Name}\" of kind {WireName.Of(existing.Kind)}; rename one of them first."));
                    reject++;
                    continue;
                }
                plan.ProductFor[p.Id] = existing;
                plan.Skip(path, $"The product \"{existing.Name}\" is already in your stash (same name); the file's doses of it go to it.");
                skip++;
                continue;
            }
            var product = new Product
            {
                UserId = plan.UserId, Name = valid.Name, Strain = valid.Strain, Batch = valid.Batch, InStock = valid.InStock,
                Kind = valid.Spec.Kind, Form = valid.Spec.Form, Opioid = valid.Spec.Opioid, OtherClass = valid.Spec.OtherClass,
                GramsPerCapsule = valid.Spec.GramsPerCapsule, GramsPerTeaspoon = valid.Spec.GramsPerTeaspoon, MgPerTablet = valid.Spec.MgPerTablet,
                MgPerMl = valid.Spec.MgPerMl, Concentrated7OH = valid.Spec.Concentrated7OH,
                CreatedAt = TimeText.ParseInstant(p.CreatedAt) ?? now, UpdatedAt = TimeText.ParseInstant(p.UpdatedAt) ?? now,
                ArchivedAt = p.ArchivedAt is { } archived ? TimeText.ParseInstant(archived) : null,
            };
            byName[key] = product;
            plan.ProductFor[p.Id] = product;
            plan.Products.Add(product);
            add++;
        }
        return new ImportCount("products", add, skip, reject);
    }

    private async Task<ImportCount> Breaks(string userId, WaneFile file, Instant now, ImportBatch plan, List<ImportRejection> rejected, CancellationToken ct)
    {
        int add = 0, skip = 0, reject = 0;
        var existing = (await db.Breaks.AsNoTracking().Where(b => b.UserId == userId).Select(b => new { b.From, b.To }).ToListAsync(ct).ConfigureAwait(false))
            .Select(b => (b.From, b.To)).ToHashSet();
        foreach (var (path, b) in file.Breaks)
        {
            if (TimeText.ParseDate(b.From) is not { } from || TimeText.ParseDate(b.To) is not { } to || to < from || Period.Between(from, to, PeriodUnits.Days).Days > 366)
            {
                rejected.Add(new($"{path}.from", "A break needs from and to as dates (YYYY-MM-DD), to on or after from, at most a year apart."));
                reject++;
                continue;
            }
            var note = FreeText.Normalize(b.Note);
            if (note is { Length: > 500 } || FreeText.HasControl(note))
            {
                rejected.Add(new($"{path}.note", "A note has at most 500 characters and no control characters."));
                reject++;
                continue;
            }
            if (!existing.Add((from, to)))
            {
                plan.Skip(path, $"A break from {b.From} to {b.To} is already there.");
                skip++;
                continue;
            }
            plan.Breaks.Add(new Break { UserId = userId, From = from, To = to, Note = note, CreatedAt = TimeText.ParseInstant(b.CreatedAt) ?? now });
            add++;
        }
        return new ImportCount("breaks", add, skip, reject);
    }
}
