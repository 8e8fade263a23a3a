using Wane.Domain.Units;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Features.Guardrails;

namespace Wane.Features.Journal;

/// <summary>A dose as the API takes it. <c>takenAt</c> is an RFC 3339 instant (default: now).</summary>
public sealed record DoseBody(
    [property: Required] long? ProductId,
    [property: Required] decimal? Amount,
    [property: Required, OneOf(typeof(DoseUnits), nameof(DoseUnits.All))] string? Unit,
    [property: DataType(DataType.DateTime)] string? TakenAt,
    [property: OneOf(typeof(MealTiming))] string? Meal,
    [property: OneOf(typeof(DoseReason))] string? Reason,
    int? PainBefore,
    string? Note,
    Guid? ClientId)
{
    internal LogDoseCommand ToCommand()
    {
        var errors = new List<FieldError>();
        Instant? takenAt = null;
        if (!string.IsNullOrWhiteSpace(TakenAt))
        {
            takenAt = TimeText.ParseInstant(TakenAt);
            if (takenAt is null)
            {
                errors.Add(new("takenAt", $"Use an RFC 3339 time with an offset {TimeText.RangeText}, for example 2026-11-25T08:30:00-05:00 or 2026-11-25T13:30:00Z."));
            }
        }
        return new(ProductId, new DoseDraft(Amount, Unit, takenAt, Meal, Reason, PainBefore, Note), ClientId, errors);
    }
}

/// <summary>What a host (API, page, CLI) hands to <see cref="LogDose"/>: the draft plus any errors met while parsing it.</summary>
internal sealed record LogDoseCommand(long? ProductId, DoseDraft Draft, Guid? ClientId, IReadOnlyList<FieldError> ParseErrors);

/// <summary>A stored dose and the advice about it; <c>Replayed</c> when a retry with the same client id returned the first one.</summary>
internal sealed record LoggedDose(Dose Dose, Product Product, bool Replayed, IReadOnlyList<Advisory> Advisories, LocalDays Days);

/// <summary>A dose that passed validation, with the advice about it, before anything is stored.</summary>
internal sealed record CheckedDose(ValidDose Dose, Product Product, IReadOnlyList<Advisory> Advisories, LocalDays Days);

/// <summary>Logs a dose: validate, normalize, advise, store once (idempotent on client id). Advice never blocks.</summary>
internal sealed class LogDose(WaneDb db, IClock clock, Profile profile, DoseAdvisor advisor)
{
    /// <summary>Validates and advises without storing anything (the preview, and the first half of logging).</summary>
    public async Task<Outcome<CheckedDose>> CheckAsync(string userId, LogDoseCommand cmd, CancellationToken ct)
    {
        if (cmd.ProductId is not { } productId)
        {
            return Outcome<CheckedDose>.Fail([.. cmd.ParseErrors, new FieldError("productId", "Choose the product taken.")]);
        }
        // The whole stash, not just this product: the guardrails need it too.
        var stash = await advisor.StashAsync(userId, ct).ConfigureAwait(false);
        if (stash.GetValueOrDefault(productId) is not { } product)
        {
            return new Outcome<CheckedDose>.NotFound("Product");
        }
        var now = clock.GetCurrentInstant();
        var (valid, errors) = DoseRules.Validate(cmd.Draft, product.Spec, now);
        if (cmd.ParseErrors.Count > 0 || valid is null)
        {
            return Outcome<CheckedDose>.Fail([.. cmd.ParseErrors, .. errors]);
        }
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var advisories = await advisor.EvaluateAsync(userId, days, product, valid, excludeDoseId: null, now, ct, stash).ConfigureAwait(false);
        return new CheckedDose(valid, product, advisories, days);
    }

    public async Task<Outcome<LoggedDose>> HandleAsync(string userId, LogDoseCommand cmd, CancellationToken ct)
    {
        if (await ReplayAsync(userId, cmd.ClientId, ct).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }
        switch (await CheckAsync(userId, cmd, ct).ConfigureAwait(false))
        {
            case Outcome<CheckedDose>.Invalid bad:
                return Outcome<LoggedDose>.Fail(bad.Errors);
            case Outcome<CheckedDose>.NotFound nf:
                return new Outcome<LoggedDose>.NotFound(nf.What);
            case Outcome<CheckedDose>.Ok { Value: var ok }:
                return await StoreAsync(userId, cmd.ClientId, ok, ct).ConfigureAwait(false);
            default:
                throw new InvalidOperationException();
        }
    }

    /// <summary>A retry of a dose already stored (the first dose) or deleted since (410); null for a new dose.</summary>
    internal async Task<Outcome<LoggedDose>?> ReplayAsync(string userId, Guid? clientId, CancellationToken ct)
    {
        if (clientId is not { } id)
        {
            return null;
        }
        if (await FindByClientIdAsync(userId, id, ct).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }
        return await DeletedAsync(userId, id, ct).ConfigureAwait(false);
    }

    /// <summary>Stores a dose checked by <see cref="CheckAsync"/>, with the advice found then (no second evaluation).</summary>
    internal async Task<Outcome<LoggedDose>> StoreAsync(string userId, Guid? clientId, CheckedDose checkedDose, CancellationToken ct)
    {
        var (valid, product, advisories, days) = checkedDose;
        var now = clock.GetCurrentInstant();
        var dose = new Dose { UserId = userId, ProductId = product.Id, ClientId = clientId, CreatedAt = now };
        Apply(dose, product, valid, now);
        try
        {
            await db.AddDoseAsync(dose, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (clientId is { } id && db.IsUniqueViolation(e))
        {
            // A concurrent retry with the same client id won the race (on this node or another, ADR 0022):
            // answer with its dose. Any other refusal is not a replay and is not hidden as one.
            return await FindByClientIdAsync(userId, id, ct).ConfigureAwait(false) ?? throw new InvalidOperationException("Dose vanished after a unique-key conflict.");
        }
        return new LoggedDose(dose, product, Replayed: false, advisories, days);
    }

    internal static void Apply(Dose dose, Product product, ValidDose valid, Instant now)
    {
        dose.ProductId = product.Id;
        dose.Kind = product.Kind;
        dose.Amount = valid.Amount.Value;
        dose.Unit = valid.Amount.Unit;
        dose.TakenAt = valid.TakenAt;
        dose.Meal = valid.Meal;
        dose.Reason = valid.Reason;
        dose.PainBefore = valid.PainBefore;
        dose.Note = valid.Note;
        dose.NormalizedAmount = valid.Normalized?.Amount;
        dose.NormalizedUnit = valid.Normalized?.Unit;
        dose.NormalizationNote = valid.NormalizationNote;
        dose.UpdatedAt = now;
    }

    /// <summary>
    /// A retry whose dose was deleted since: answering with the deletion keeps an offline client's
    /// retry queue from undoing it.
    /// </summary>
    private async Task<Outcome<LoggedDose>.Gone?> DeletedAsync(string userId, Guid clientId, CancellationToken ct)
    {
        var deleted = await db.DoseAudits.AsNoTracking()
            .Where(a => a.UserId == userId && a.ClientId == clientId && (a.Action == "deleted" || a.Action == EditDose.Purged))
            .OrderByDescending(a => a.Id).Select(a => new { a.DoseId, a.At })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return deleted is null
            ? null
            : new Outcome<LoggedDose>.Gone(
                "This dose was deleted; the retry was not stored again.",
                $"Dose {deleted.DoseId.ToString(System.Globalization.CultureInfo.InvariantCulture)} with clientId {clientId} was deleted at {TimeText.Format(deleted.At)}. Its history (if it was not erased) is at /api/v1/doses/{deleted.DoseId.ToString(System.Globalization.CultureInfo.InvariantCulture)}/history.");
    }

    private async Task<LoggedDose?> FindByClientIdAsync(string userId, Guid clientId, CancellationToken ct)
    {
        var existing = await db.Doses.AsNoTracking().Include(d => d.Product)
            .SingleOrDefaultAsync(d => d.UserId == userId && d.ClientId == clientId, ct).ConfigureAwait(false);
        return existing is null
            ? null
            : new LoggedDose(existing, existing.Product!, Replayed: true, [], await profile.DaysAsync(userId, ct).ConfigureAwait(false));
    }
}

internal static class LogDoseEndpoint
{
    public static RouteGroupBuilder MapLogDoseEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/doses", Handle).WithName("LogDose").WithTags("Journal")
            .WithSummary("Log a dose taken")
            .WithDescription("Records the dose and returns it with the guardrails' advisories (advice never blocks a dose that was taken). A retry with the same clientId returns the first dose (200) instead of a duplicate, or 410 problem details when that dose was deleted since.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        api.MapPost("/doses/preview", Preview).WithName("PreviewDose").WithTags("Journal")
            .WithSummary("Check a dose against the guardrails without storing anything")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<LogDoseResponse>, Ok<LogDoseResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        DoseBody body, HttpContext http, LogDose handler, CancellationToken ct)
    {
        switch (await handler.HandleAsync(http.User.Id(), body.ToCommand(), ct).ConfigureAwait(false))
        {
            case Outcome<LoggedDose>.Ok { Value: var logged }:
                var response = new LogDoseResponse(DoseView.From(logged.Dose, logged.Product, logged.Days), Advice.Views(logged.Advisories));
                return logged.Replayed
                    ? TypedResults.Ok(response)
                    : TypedResults.Created($"/api/v1/doses/{logged.Dose.Id}", response);
            case Outcome<LoggedDose>.Invalid bad:
                return ApiResults.Invalid(bad.Errors);
            case Outcome<LoggedDose>.Gone gone:
                return ApiResults.Gone(gone.Title, gone.Detail);
            default:
                return ApiResults.NotFound("Product");
        }
    }

    private static async Task<Results<Ok<DosePreview>, ValidationProblem, ProblemHttpResult>> Preview(
        DoseBody body, HttpContext http, LogDose handler, CancellationToken ct) =>
        await handler.CheckAsync(http.User.Id(), body.ToCommand(), ct).ConfigureAwait(false) switch
        {
            Outcome<CheckedDose>.Ok { Value: var c } => TypedResults.Ok(DosePreview.From(c)),
            Outcome<CheckedDose>.Invalid bad => ApiResults.Invalid(bad.Errors),
            _ => ApiResults.NotFound("Product"),
        };
}
