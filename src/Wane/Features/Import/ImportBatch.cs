using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Export;

namespace Wane.Features.Import;

/// <summary>A plan with the holds to add to it, and the file's id of the plan it replaced.</summary>
internal sealed record PlannedPlan(PlanRow Row, long FileId, long? ReplacesFileId, IReadOnlyList<PlanHold> Holds);

/// <summary>Everything an import will add, built before anything is stored, and stored in one transaction.</summary>
internal sealed class ImportBatch(string userId)
{
    public string UserId { get; } = userId;

    /// <summary>The file's product ids, to the products they became (new or already there).</summary>
    public Dictionary<long, Product> ProductFor { get; } = [];
    public List<Product> Products { get; } = [];
    public List<Dose> Doses { get; } = [];
    public List<Break> Breaks { get; } = [];
    public List<PlannedPlan> Plans { get; } = [];
    public List<CheckInRow> CheckIns { get; } = [];
    public ExportProfile? Profile { get; set; }

    public async Task SaveAsync(WaneDb db, WaneUser user, CancellationToken ct)
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
            db.Products.AddRange(Products);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            foreach (var dose in Doses)
            {
                dose.ProductId = dose.Product!.Id;
            }
            db.Doses.AddRange(Doses);
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
}
