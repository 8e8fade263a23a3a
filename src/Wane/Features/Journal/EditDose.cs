using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Journal;

/// <summary>Corrects a dose, the change kept in its audit trail (<see cref="DeleteDose"/> deletes, <see cref="GetDoseHistory"/> shows the trail).</summary>
internal sealed class EditDose(WaneDb db, IClock clock, Profile profile, DoseAdvisor advisor)
{
    /// <summary>A dose's fields as its audit trail keeps them (<c>before</c>, <c>after</c>); an import reads them back.</summary>
    internal sealed record Snapshot(long ProductId, decimal Amount, string Unit, string TakenAt, string? Meal, string? Reason,
        int? PainBefore, string? Note, decimal? NormalizedAmount, string? NormalizedUnit);

    public Task<Dose?> FindAsync(string userId, long id, CancellationToken ct) =>
        db.Doses.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.UserId == userId, ct);

    /// <summary>Replaces a dose's fields. An absent <c>takenAt</c> or <c>productId</c> keeps the current one.</summary>
    public async Task<Outcome<LoggedDose>> UpdateAsync(string userId, long id, LogDoseCommand cmd, CancellationToken ct)
    {
        var dose = await db.Doses.Include(d => d.Product).SingleOrDefaultAsync(d => d.Id == id && d.UserId == userId, ct).ConfigureAwait(false);
        if (dose is null)
        {
            return new Outcome<LoggedDose>.NotFound("Dose");
        }
        var product = dose.Product!;
        if (cmd.ProductId is { } pid && pid != dose.ProductId)
        {
            var other = await db.Products.SingleOrDefaultAsync(p => p.Id == pid && p.UserId == userId, ct).ConfigureAwait(false);
            if (other is null)
            {
                return new Outcome<LoggedDose>.NotFound("Product");
            }
            product = other;
        }
        var now = clock.GetCurrentInstant();
        var draft = cmd.Draft with { TakenAt = cmd.Draft.TakenAt ?? dose.TakenAt };
        var (valid, errors) = DoseRules.Validate(draft, product.Spec, now);
        if (cmd.ParseErrors.Count > 0 || valid is null)
        {
            return Outcome<LoggedDose>.Fail([.. cmd.ParseErrors, .. errors]);
        }
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var advisories = await advisor.EvaluateAsync(userId, days, product, valid, dose.Id, now, ct).ConfigureAwait(false);
        var before = Snap(dose);
        LogDose.Apply(dose, product, valid, now);
        dose.Product = product;
        db.DoseAudits.Add(new DoseAudit { UserId = userId, DoseId = dose.Id, At = now, Action = "edited", Before = before, After = Snap(dose) });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new LoggedDose(dose, product, Replayed: false, advisories, days);
    }

    /// <summary>The action of the bare row a purge leaves: no fields of the dose, only its client id.</summary>
    public const string Purged = "purged";

    internal static string Snap(Dose d) => JsonSerializer.Serialize(
        new Snapshot(d.ProductId, d.Amount, d.Unit.Name(), TimeText.Format(d.TakenAt),
            d.Meal is { } m ? WireName.Of(m) : null, d.Reason is { } r ? WireName.Of(r) : null,
            d.PainBefore, d.Note, d.NormalizedAmount, d.NormalizedUnit?.Name()),
        JsonSerializerOptions.Web);
}

internal static class EditDoseEndpoints
{
    public static RouteGroupBuilder MapEditDoseEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/doses/{id:long}", Update).WithName("UpdateDose").WithTags("Journal")
            .WithSummary("Correct a dose (kept in its audit trail)");
        DeleteDose.MapDeleteDoseEndpoint(api);
        GetDoseHistory.MapGetDoseHistoryEndpoint(api);
        return api;
    }

    private static async Task<Results<Ok<LogDoseResponse>, ValidationProblem, ProblemHttpResult>> Update(
        long id, DoseBody body, HttpContext http, EditDose handler, CancellationToken ct)
    {
        switch (await handler.UpdateAsync(http.User.Id(), id, body.ToCommand(), ct).ConfigureAwait(false))
        {
            case Outcome<LoggedDose>.Ok { Value: var d }:
                return TypedResults.Ok(new LogDoseResponse(DoseView.From(d.Dose, d.Product, d.Days), Guardrails.Advice.Views(d.Advisories)));
            case Outcome<LoggedDose>.Invalid bad:
                return ApiResults.Invalid(bad.Errors);
            case Outcome<LoggedDose>.NotFound nf:
                return ApiResults.NotFound(nf.What);
            default:
                throw new InvalidOperationException();
        }
    }


}
