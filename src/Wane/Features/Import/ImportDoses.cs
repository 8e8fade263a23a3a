using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;
using Wane.Features.Export;
using Wane.Features.Journal;

namespace Wane.Features.Import;

/// <summary>
/// The doses of an import: each through <see cref="DoseRules"/> against its product, as a logged
/// dose is, and skipped when it is already there (same client id, or same product, time, amount, unit).
/// </summary>
internal static class ImportDoses
{
    /// <summary>What makes two doses the same when neither has a client id.</summary>
    internal readonly record struct DoseKey(long ProductId, Instant TakenAt, decimal Amount, DoseUnit Unit);

    public static async Task<ImportCount> PlanAsync(
        WaneDb db, string userId, IEnumerable<At<ExportDose>> doses, IReadOnlyDictionary<long, Product> productFor,
        Instant now, ImportBatch plan, List<ImportRejection> rejected, CancellationToken ct)
    {
        int add = 0, skip = 0, reject = 0;
        var known = await db.Doses.AsNoTracking().Where(d => d.UserId == userId)
            .Select(d => new { d.ProductId, d.TakenAt, d.Amount, d.Unit, d.ClientId }).ToListAsync(ct).ConfigureAwait(false);
        var clientIds = known.Where(d => d.ClientId != null).Select(d => d.ClientId!.Value).ToHashSet();
        clientIds.UnionWith(await db.DoseAudits.AsNoTracking().Where(a => a.UserId == userId && a.ClientId != null && (a.Action == "deleted" || a.Action == Journal.EditDose.Purged))
            .Select(a => a.ClientId!.Value).ToListAsync(ct).ConfigureAwait(false));
        var keys = known.Select(d => new DoseKey(d.ProductId, d.TakenAt, d.Amount, d.Unit)).ToHashSet();
        var newKeys = new HashSet<(Product, Instant, decimal, DoseUnit)>();
        foreach (var (path, d) in doses)
        {
            if (!productFor.TryGetValue(d.ProductId, out var product))
            {
                rejected.Add(new($"{path}.productId", $"No product with id {d.ProductId} was imported from this file (it is missing or was rejected)."));
                reject++;
                continue;
            }
            if (TimeText.ParseInstant(d.TakenAt) is not { } takenAt)
            {
                rejected.Add(new($"{path}.takenAt", $"Use an RFC 3339 instant {TimeText.RangeText}, for example 2026-11-25T13:30:00Z."));
                reject++;
                continue;
            }
            var (valid, errors) = DoseRules.Validate(new DoseDraft(d.Amount, d.Unit, takenAt, d.Meal, d.Reason, d.PainBefore, d.Note), product.Spec, now);
            if (valid is null)
            {
                rejected.AddRange(errors.Select(e => new ImportRejection($"{path}.{e.Field}", e.Message)));
                reject++;
                continue;
            }
            var same = d.ClientId is { } cid
                ? (clientIds.Add(cid) ? null : $"A dose with client id {cid} is already in your record (or was deleted from it, which an import does not undo).")
                : product.Id != 0 && keys.Contains(new DoseKey(product.Id, valid.TakenAt, valid.Amount.Value, valid.Amount.Unit))
                    ? $"A dose of {product.Name}, {valid.Amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {valid.Amount.Unit.Name()} at {d.TakenAt}, is already in your record."
                    : !newKeys.Add((product, valid.TakenAt, valid.Amount.Value, valid.Amount.Unit))
                        ? $"The same dose ({product.Name}, {valid.Amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {valid.Amount.Unit.Name()} at {d.TakenAt}) is earlier in this file."
                        : null;
            if (same is not null)
            {
                plan.Skip(path, same);
                skip++;
                continue;
            }
            var dose = new Dose { UserId = userId, ClientId = d.ClientId, CreatedAt = TimeText.ParseInstant(d.CreatedAt) ?? now };
            LogDose.Apply(dose, product, valid, now);
            dose.Product = product;
            dose.UpdatedAt = TimeText.ParseInstant(d.UpdatedAt) ?? now;
            plan.Doses.Add(dose);
            plan.DoseFor[d.Id] = dose;
            add++;
        }
        return new ImportCount("doses", add, skip, reject);
    }
}
