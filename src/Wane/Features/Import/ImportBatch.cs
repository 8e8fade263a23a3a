using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Export;

namespace Wane.Features.Import;

/// <summary>A plan with the holds to add to it, and the file's id of the plan it replaced.</summary>
internal sealed record PlannedPlan(PlanRow Row, long FileId, long? ReplacesFileId, IReadOnlyList<PlanHold> Holds);

/// <summary>An edit from the file's audit trail, of a dose this import adds; the snapshots name the file's product ids until stored.</summary>
internal sealed record PlannedChange(Dose Dose, NodaTime.Instant At, Journal.EditDose.Snapshot Before, Product BeforeProduct, Journal.EditDose.Snapshot After, Product AfterProduct);

/// <summary>Everything an import will add, built before anything is stored, and stored in one transaction.</summary>
internal sealed class ImportBatch(string userId)
{
    public string UserId { get; } = userId;

    /// <summary>The file's product ids, to the products they became (new or already there).</summary>
    public Dictionary<long, Product> ProductFor { get; } = [];
    public List<Product> Products { get; } = [];
    public List<Dose> Doses { get; } = [];

    /// <summary>The file's dose ids, to the doses this import adds.</summary>
    public Dictionary<long, Dose> DoseFor { get; } = [];
    public List<PlannedChange> Changes { get; } = [];
    public List<Break> Breaks { get; } = [];
    public List<PlannedPlan> Plans { get; } = [];
    public List<CheckInRow> CheckIns { get; } = [];
    public ExportProfile? Profile { get; set; }

    /// <summary>Guardrail settings to store (as stored by the Guardrails page), or null to leave them.</summary>
    public string? Guardrails { get; set; }

    /// <summary>The records skipped because they are already there, the first <see cref="SkipsListed"/> of them.</summary>
    public List<ImportSkip> Skips { get; } = [];

    /// <summary>How many skipped records are not in <see cref="Skips"/>.</summary>
    public int SkipsLeftOff { get; private set; }

    public const int SkipsListed = 200;

    public void Skip(string path, string reason)
    {
        if (Skips.Count < SkipsListed)
        {
            Skips.Add(new ImportSkip(path, reason));
        }
        else
        {
            SkipsLeftOff++;
        }
    }

    /// <summary>Doses are stored this many at a time and then let go, so the change tracker does not grow with the file.</summary>
    private const int DoseChunk = 2_000;

    public async Task SaveAsync(WaneDb db, WaneUser user, NodaTime.Instant now, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (Profile is { } p)
            {
                user.TimeZone = p.TimeZone;
                user.DayStartHour = p.DayStartHour;
                user.PreferredUnit = Domain.Units.DoseUnits.TryParse(p.PreferredUnit, out var unit) ? Domain.Units.DoseUnits.Name(unit!.Value) : user.PreferredUnit;
                user.HoldThreshold = p.HoldThreshold is >= 1 and <= 64 ? p.HoldThreshold : user.HoldThreshold;
                user.HoldRise = p.HoldRise is >= 1 and <= 64 ? p.HoldRise : user.HoldRise;
            }
            if (Guardrails is { } json)
            {
                db.GuardrailSettings.Add(new GuardrailSettingsRow { UserId = UserId, Json = json, UpdatedAt = now });
            }
            db.Products.AddRange(Products);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            foreach (var chunk in Doses.Chunk(DoseChunk))
            {
                foreach (var dose in chunk)
                {
                    dose.ProductId = dose.Product!.Id;
                    dose.Product = null;
                }
                db.Doses.AddRange(chunk);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                foreach (var dose in chunk)
                {
                    db.Entry(dose).State = EntityState.Detached;
                }
            }
            foreach (var c in Changes)
            {
                db.DoseAudits.Add(new DoseAudit
                {
                    UserId = UserId, DoseId = c.Dose.Id, At = c.At, Action = "edited",
                    Before = Snap(c.Before, c.BeforeProduct), After = Snap(c.After, c.AfterProduct),
                });
            }
            db.Breaks.AddRange(Breaks);
            db.CheckIns.AddRange(CheckIns);
            db.Plans.AddRange(Plans.Select(x => x.Row));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            var planFor = Plans.ToDictionary(x => x.FileId, x => x.Row);
            foreach (var planned in Plans)
            {
                if (planned.ReplacesFileId is { } r && planFor.TryGetValue(r, out var replaced))
                {
                    planned.Row.ReplacesPlanId = replaced.Id;
                }
                foreach (var hold in planned.Holds)
                {
                    hold.PlanId = planned.Row.Id;
                    db.PlanHolds.Add(hold);
                }
            }
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static string Snap(Journal.EditDose.Snapshot snapshot, Product product) =>
        System.Text.Json.JsonSerializer.Serialize(snapshot with { ProductId = product.Id }, System.Text.Json.JsonSerializerOptions.Web);
}
