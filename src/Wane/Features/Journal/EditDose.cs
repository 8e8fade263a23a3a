using System.ComponentModel.DataAnnotations;
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

/// <summary>One entry of a dose's audit trail. <c>before</c>/<c>after</c> are the dose's fields at that moment.</summary>
public sealed record DoseChangeView([property: DataType(DataType.DateTime)] string At, string Action, JsonElement? Before, JsonElement? After);

/// <summary>Editing and deleting doses, each change kept in the audit trail.</summary>
internal sealed class EditDose(WaneDb db, IClock clock, Profile profile, DoseAdvisor advisor)
{
    private sealed record Snapshot(long ProductId, decimal Amount, string Unit, string TakenAt, string? Meal, string? Reason,
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

    /// <summary>
    /// Deletes a dose. The deletion is kept in its audit trail with the dose's fields; with <paramref name="purge"/>
    /// the dose's whole trail is erased instead (also for a dose deleted earlier), leaving at most a bare
    /// "purged" row that keeps its client id, so a retry is still answered 410 rather than logged again.
    /// False when there is no such dose (or nothing left to erase).
    /// </summary>
    public async Task<bool> DeleteAsync(string userId, long id, bool purge, CancellationToken ct)
    {
        var dose = await db.Doses.SingleOrDefaultAsync(d => d.Id == id && d.UserId == userId, ct).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        if (!purge)
        {
            if (dose is null)
            {
                return false;
            }
            db.DoseAudits.Add(new DoseAudit { UserId = userId, DoseId = id, At = now, Action = "deleted", Before = Snap(dose), ClientId = dose.ClientId });
            db.Doses.Remove(dose);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }
        var trail = await db.DoseAudits.Where(a => a.UserId == userId && a.DoseId == id).ToListAsync(ct).ConfigureAwait(false);
        if (dose is null && trail.All(a => a.Action == Purged))
        {
            return false;
        }
        var clientId = dose?.ClientId ?? trail.Select(a => a.ClientId).FirstOrDefault(c => c is not null);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        db.DoseAudits.RemoveRange(trail);
        if (dose is not null)
        {
            db.Doses.Remove(dose);
        }
        if (clientId is not null)
        {
            db.DoseAudits.Add(new DoseAudit { UserId = userId, DoseId = id, At = now, Action = Purged, ClientId = clientId });
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>The action of the bare row a purge leaves: no fields of the dose, only its client id.</summary>
    public const string Purged = "purged";

    /// <summary>The audit trail of a dose (also of a deleted one), oldest first; null when no such dose was ever the user's.</summary>
    public async Task<IReadOnlyList<DoseChangeView>?> HistoryAsync(string userId, long id, CancellationToken ct)
    {
        var changes = (await db.DoseAudits.AsNoTracking().Where(a => a.UserId == userId && a.DoseId == id).OrderBy(a => a.Id).ToListAsync(ct).ConfigureAwait(false))
            .Select(a => new DoseChangeView(TimeText.Format(a.At), a.Action, Parse(a.Before), Parse(a.After)))
            .ToList();
        return changes.Count > 0 || await db.Doses.AnyAsync(d => d.Id == id && d.UserId == userId, ct).ConfigureAwait(false) ? changes : null;
    }

    private static string Snap(Dose d) => JsonSerializer.Serialize(
        new Snapshot(d.ProductId, d.Amount, d.Unit.Name(), TimeText.Format(d.TakenAt),
            d.Meal is { } m ? WireName.Of(m) : null, d.Reason is { } r ? WireName.Of(r) : null,
            d.PainBefore, d.Note, d.NormalizedAmount, d.NormalizedUnit?.Name()),
        JsonSerializerOptions.Web);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

internal static class EditDoseEndpoints
{
    public static RouteGroupBuilder MapEditDoseEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/doses/{id:long}", Update).WithName("UpdateDose").WithTags("Journal")
            .WithSummary("Correct a dose (kept in its audit trail)");
        api.MapDelete("/doses/{id:long}", Delete).WithName("DeleteDose").WithTags("Journal")
            .WithSummary("Delete a dose (the deletion is kept in its audit trail; purge=true erases the trail too)")
            .WithDescription("Without purge, the dose's fields stay in its audit trail as a \"deleted\" entry. With purge=true the dose and every entry of its trail are erased (also for a dose deleted earlier); only a bare \"purged\" entry with its clientId remains, when it had one, so a retry of the same log is answered 410 instead of being stored again.");
        api.MapGet("/doses/{id:long}/history", History).WithName("GetDoseHistory").WithTags("Journal")
            .WithSummary("The audit trail of a dose: when it was changed or deleted, and what changed");
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

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, HttpContext http, EditDose handler, CancellationToken ct, bool purge = false) =>
        await handler.DeleteAsync(http.User.Id(), id, purge, ct).ConfigureAwait(false) ? TypedResults.NoContent() : ApiResults.NotFound("Dose");

    private static async Task<Results<Ok<IReadOnlyList<DoseChangeView>>, ProblemHttpResult>> History(long id, HttpContext http, EditDose handler, CancellationToken ct) =>
        await handler.HistoryAsync(http.User.Id(), id, ct).ConfigureAwait(false) is { } changes
            ? TypedResults.Ok(changes)
            : ApiResults.NotFound("Dose");
}
