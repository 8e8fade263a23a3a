using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using Wane.Domain.Tapering;
using Wane.Domain.Time;

namespace Wane.Features.Tapering;

/// <summary>Turning a plan body into a taper request (start amounts from the person's own recent use) and reading actual daily amounts.</summary>
internal sealed partial class PlanQueries
{
    private async Task<(PhaseRequest? Request, List<FieldError> Errors)> ResolveOne(string userId, LocalDays days, LocalDate today, PhaseBody body, string prefix, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        decimal? average = null;
        var substance = body.Substance?.Trim().ToLowerInvariant();
        // Only a substance the planner knows has an average; anything else is named by PlanRequests.Resolve.
        if (body.StartAmount is null && (substance == "kratom" || WireName.TryParse<Domain.Opioids.OpioidName>(substance, out _)))
        {
            average = await RecentAverageAsync(userId, days, today, substance!, body.Unit, ct).ConfigureAwait(false);
        }
        var phase = PlanRequests.Resolve(body, prefix, today, (_, _) => average, errors);
        return (phase, errors);
    }

    public async Task<(TaperRequest? Request, IReadOnlyList<FieldError> Errors)> ResolveAsync(string userId, LocalDays days, LocalDate today, PlanBody body, CancellationToken ct)
    {
        var bodies = body.AllPhases();
        if (bodies.Count > PlanRequests.MaxPhases)
        {
            return (null, [new FieldError("phases", $"A plan has at most {PlanRequests.MaxPhases} phases.")]);
        }
        var errors = new List<FieldError>();
        var phases = new List<PhaseRequest>();
        for (var i = 0; i < bodies.Count; i++)
        {
            if (bodies[i] is null)
            {
                errors.Add(new($"phases[{i}]", "Each phase is an object with at least \"substance\" and \"pace\"."));
                continue;
            }
            var (phase, phaseErrors) = await ResolveOne(userId, days, today, bodies[i], bodies.Count > 1 ? $"phases[{i}]." : "", ct).ConfigureAwait(false);
            errors.AddRange(phaseErrors);
            if (phase is not null)
            {
                phases.Add(phase);
            }
        }
        return errors.Count > 0 ? (null, errors) : (new TaperRequest(phases), errors);
    }

    /// <summary>The person's own average daily amount over the 7 local days before today (null when none).</summary>
    private async Task<decimal?> RecentAverageAsync(string userId, LocalDays days, LocalDate today, string substance, string? unit, CancellationToken ct)
    {
        var actual = await DailyAsync(userId, days, substance, unit?.Trim() == "mg" ? PlanUnit.Milligrams : substance == "kratom" ? PlanUnit.Grams : PlanUnit.Mme,
            today.PlusDays(-7), today.PlusDays(-1), ct).ConfigureAwait(false);
        var total = actual.Values.Sum();
        return total > 0 ? Math.Round(total / 7m, 2) : null;
    }

    public async Task<Dictionary<LocalDate, decimal>[]> ActualsAsync(string userId, LocalDays days, TaperRequest request, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var result = new Dictionary<LocalDate, decimal>[request.Phases.Count];
        for (var i = 0; i < request.Phases.Count; i++)
        {
            result[i] = await DailyAsync(userId, days, request.Phases[i].Substance!, request.Phases[i].Unit, from, to, ct).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>Daily totals of one substance in a plan unit (kratom grams; an opioid's MME, or its mg = MME ÷ its own factor).</summary>
    private async Task<Dictionary<LocalDate, decimal>> DailyAsync(string userId, LocalDays days, string substance, PlanUnit unit, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var span = days.Span(from, to);
        var query = db.Doses.AsNoTracking().Where(d => d.UserId == userId && d.TakenAt >= span.Start && d.TakenAt < span.End && d.NormalizedAmount != null);
        if (substance == "kratom")
        {
            query = query.Where(d => d.Kind == ProductKind.Kratom);
        }
        else
        {
            var opioid = Opioid(substance);
            query = query.Where(d => d.Kind == ProductKind.Opioid && d.Product!.Opioid == opioid);
        }
        var doses = await query.Select(d => new { d.TakenAt, d.NormalizedAmount }).ToListAsync(ct).ConfigureAwait(false);
        var factor = unit == PlanUnit.Milligrams ? MmeFactors.Factor(Opioid(substance)) : 1m;
        return doses.GroupBy(d => days.DayOf(d.TakenAt)).ToDictionary(g => g.Key, g => Math.Round(g.Sum(d => d.NormalizedAmount!.Value) / factor, 4));
    }

    private static OpioidName Opioid(string substance) =>
        WireName.TryParse<OpioidName>(substance, out var o) ? o.Value : throw new ArgumentException($"Not an opioid: {substance}", nameof(substance));
}
