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
/// Every dose logged runs these reads, so they are compiled queries, and a window row carries only
/// the dose's own columns: the product's facts come from the stash, read once (with the product being logged).
/// </summary>
internal sealed class DoseAdvisor(WaneDb db, GuardrailQueries settings, BreakQueries breaks, Tapering.PlanQueries plans, JournalMetrics metrics)
{
    /// <summary>The span of doses the last evaluation judged against (what a confirm step fingerprints).</summary>
    public (Instant From, Instant Until)? LastWindow { get; private set; }

    private static readonly Func<WaneDb, string, IAsyncEnumerable<Product>> ReadStash =
        EF.CompileAsyncQuery<WaneDb, string, Product>((db, userId) =>
            db.Products.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.Id));

    /// <summary>The person's products by id: the stash for R2, and the product facts of every dose in a window.</summary>
    public async Task<IReadOnlyDictionary<long, Product>> StashAsync(string userId, CancellationToken ct)
    {
        var stash = new Dictionary<long, Product>();
        await foreach (var p in ReadStash(db, userId).WithCancellation(ct).ConfigureAwait(false))
        {
            stash.Add(p.Id, p);
        }
        return stash;
    }

    public async Task<IReadOnlyList<Advisory>> EvaluateAsync(
        string userId, LocalDays days, Product product, ValidDose dose, long? excludeDoseId, Instant now, CancellationToken ct,
        IReadOnlyDictionary<long, Product>? stash = null)
    {
        metrics.Evaluations.Add(1);
        var rules = await settings.GetAsync(userId, ct).ConfigureAwait(false);
        var context = await ContextAsync(userId, days, rules, dose.TakenAt, excludeDoseId, ct, lostToleranceKind: product.Kind, stash: stash).ConfigureAwait(false);
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
    /// The context the engine needs for doses up to <paramref name="until"/>: the rules' window, or
    /// <paramref name="lookBack"/> when given.
    /// </summary>
    /// <remarks>
    /// With <paramref name="lostToleranceKind"/>, the window is read in two parts. S3 (lost tolerance) looks
    /// back months, but it can only fire after a pause: when a dose of that kind lies within the pause, no
    /// dose older than the other rules' windows can change any advisory, so the months before are read only
    /// when there is no such dose.
    /// </remarks>
    public async Task<GuardrailContext> ContextAsync(
        string userId, LocalDays days, GuardrailSettings rules, Instant until, long? excludeDoseId, CancellationToken ct,
        Duration? lookBack = null, ProductKind? lostToleranceKind = null, IReadOnlyDictionary<long, Product>? stash = null)
    {
        var products = stash ?? await StashAsync(userId, ct).ConfigureAwait(false);
        var full = lookBack ?? Domain.Guardrails.Guardrails.Window(rules);
        var recent = lostToleranceKind is { } kind && lookBack is null ? Domain.Guardrails.Guardrails.ShortWindow(rules, kind) : full;
        var excluded = excludeDoseId ?? 0;
        LastWindow = (until - full, until);
        var history = await ReadAsync(userId, until - recent, until, excluded, products, ct).ConfigureAwait(false);
        if (recent < full && Domain.Guardrails.Guardrails.LostToleranceApplies(rules, lostToleranceKind))
        {
            var pauseStart = until - Domain.Guardrails.Guardrails.LostTolerancePause(rules);
            if (!history.Any(d => d.Kind == lostToleranceKind && d.TakenAt > pauseStart))
            {
                var older = await ReadAsync(userId, until - full, until - recent, excluded, products, ct).ConfigureAwait(false);
                older.AddRange(history);
                history = older;
            }
        }
        var stock = products.Values.Select(p => new StockItem(p.Id, p.Name, p.Strain, p.InStock)).ToList();
        var scheduled = (await breaks.FromAsync(userId, days.DayOf(until - full), ct).ConfigureAwait(false))
            .Select(b => new BreakPeriod(b.From, b.To)).ToList();
        return new GuardrailContext(days, history, stock, scheduled);
    }

    private async Task<List<DoseFact>> ReadAsync(
        string userId, Instant from, Instant until, long excluded, IReadOnlyDictionary<long, Product> products, CancellationToken ct)
    {
        var facts = new List<DoseFact>();
        foreach (var d in await db.DoseWindowAsync(userId, from, until, excluded, ct).ConfigureAwait(false))
        {
            var p = products.TryGetValue(d.ProductId, out var found)
                ? found
                : throw new InvalidOperationException($"Dose of product {d.ProductId}, which is not the person's.");
            facts.Add(new DoseFact(
                d.TakenAt, d.ProductId, d.Kind, p.Strain, p.Batch, p.Opioid, p.OtherClass, p.Concentrated7OH, new Amount(d.Amount, d.Unit),
                d.NormalizedAmount is { } a && d.NormalizedUnit is { } u ? new Normalized(a, u) : null,
                d.NormalizationNote, d.Meal, d.Reason, d.PainBefore));
        }
        return facts;
    }

    public static DoseFact Fact(Product p, ValidDose d) => new(
        d.TakenAt, p.Id, p.Kind, p.Strain, p.Batch, p.Opioid, p.OtherClass, p.Concentrated7OH,
        d.Amount, d.Normalized, d.NormalizationNote, d.Meal, d.Reason, d.PainBefore);
}
