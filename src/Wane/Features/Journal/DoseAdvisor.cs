using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;
using Wane.Features.Guardrails;

namespace Wane.Features.Journal;

/// <summary>
/// Feeds the guardrail engine: reads only the window the enabled rules ask for (by the
/// (UserId, TakenAt) index), the stash and the breaks, then evaluates one candidate dose.
/// </summary>
internal sealed class DoseAdvisor(WaneDb db, GuardrailStore settings, BreakStore breaks, Tapering.PlanStore plans)
{
    public async Task<IReadOnlyList<Advisory>> EvaluateAsync(
        string userId, LocalDays days, Product product, ValidDose dose, long? excludeDoseId, Instant now, CancellationToken ct)
    {
        var rules = await settings.GetAsync(userId, ct).ConfigureAwait(false);
        var window = await WindowAsync(userId, rules, product.Kind, dose.TakenAt, excludeDoseId, ct).ConfigureAwait(false);
        var context = await ContextAsync(userId, days, rules, dose.TakenAt, excludeDoseId, ct, window).ConfigureAwait(false);
        // An active plan's target for the dose's day is the daily cap (R4); with a plan, R3 only informs.
        var (active, kratom, opioid) = await plans.AllowancesAsync(userId, days, days.DayOf(dose.TakenAt), ct).ConfigureAwait(false);
        context = context with
        {
            HasActivePlan = active,
            PlanDailyAllowance = product.Kind switch { ProductKind.Kratom => kratom, ProductKind.Opioid => opioid, _ => null },
        };
        return Domain.Guardrails.Guardrails.Evaluate(context, rules, Fact(product, dose), now);
    }

    /// <summary>
    /// How much history this dose needs. S3 (lost tolerance) looks back months, but it can only fire
    /// after a pause: when the same kind was taken within the pause, no dose older than the other
    /// rules' windows can change any advisory, so only those are read.
    /// </summary>
    private async Task<Duration> WindowAsync(string userId, GuardrailSettings rules, ProductKind kind, Instant takenAt, long? excludeDoseId, CancellationToken ct)
    {
        var full = Domain.Guardrails.Guardrails.Window(rules);
        var s3 = rules["S3"];
        if (!s3.Enabled)
        {
            return full;
        }
        var withoutS3 = Domain.Guardrails.Guardrails.Window(rules.Apply("S3.enabled=false").Settings!);
        if (kind is not (ProductKind.Kratom or ProductKind.Opioid))
        {
            return withoutS3;
        }
        var pauseStart = takenAt - Duration.FromDays((double)s3["pauseDays"]);
        var takenWithinPause = await db.Doses.AsNoTracking()
            .AnyAsync(d => d.UserId == userId && d.Kind == kind && d.TakenAt > pauseStart && d.TakenAt < takenAt && d.Id != excludeDoseId, ct)
            .ConfigureAwait(false);
        return takenWithinPause && withoutS3 >= Duration.FromDays((double)s3["pauseDays"] + 29) ? withoutS3 : full;
    }

    /// <summary>The context the engine needs for doses up to <paramref name="until"/>.</summary>
    public async Task<GuardrailContext> ContextAsync(
        string userId, LocalDays days, GuardrailSettings rules, Instant until, long? excludeDoseId, CancellationToken ct, Duration? lookBack = null)
    {
        var from = until - (lookBack ?? Domain.Guardrails.Guardrails.Window(rules));
        var history = await db.Doses.AsNoTracking()
            .Where(d => d.UserId == userId && d.TakenAt >= from && d.TakenAt < until && d.Id != excludeDoseId)
            .OrderBy(d => d.TakenAt).ThenBy(d => d.Id)
            .Select(d => new DoseFact(
                d.TakenAt, d.ProductId, d.Kind, d.Product!.Strain, d.Product.Batch, d.Product.Opioid, d.Product.OtherClass,
                d.Product.Concentrated7OH, new Amount(d.Amount, d.Unit),
                d.NormalizedAmount != null && d.NormalizedUnit != null ? new Normalized(d.NormalizedAmount.Value, d.NormalizedUnit.Value) : null,
                d.NormalizationNote, d.Meal, d.Reason, d.PainBefore))
            .ToListAsync(ct).ConfigureAwait(false);
        var stock = await db.Products.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new StockItem(p.Id, p.Name, p.Strain, p.InStock)).ToListAsync(ct).ConfigureAwait(false);
        var scheduled = (await breaks.FromAsync(userId, days.DayOf(from), ct).ConfigureAwait(false))
            .Select(b => new BreakPeriod(b.From, b.To)).ToList();
        return new GuardrailContext(days, history, stock, scheduled);
    }

    public static DoseFact Fact(Product p, ValidDose d) => new(
        d.TakenAt, p.Id, p.Kind, p.Strain, p.Batch, p.Opioid, p.OtherClass, p.Concentrated7OH,
        d.Amount, d.Normalized, d.NormalizationNote, d.Meal, d.Reason, d.PainBefore);
}
