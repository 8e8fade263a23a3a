using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Domain.Units;
using Wane.Features.Common;
using Wane.Features.Guardrails;

namespace Wane.Features.Journal;

/// <summary>"Same as last time": a product (default: the one taken last) and a client id that makes a retry idempotent.</summary>
public sealed record RepeatBody(long? ProductId, Guid? ClientId);

/// <summary>The last dose of each recently used product, newest first: what the log form starts on and offers again.</summary>
internal sealed record RecentDose(long ProductId, string ProductName, decimal Amount, DoseUnit Unit);

/// <summary>
/// Logs the last dose of a product again, now: the same amount and unit, through the same validation
/// and guardrails as any dose (the page and the CLI ask before a caution or danger, as for any dose).
/// The meal, reason, pain and note belonged to that moment, so they are not copied.
/// </summary>
internal sealed class RepeatDose(WaneDb db, LogDose log)
{
    /// <summary>How many recent doses are read to find the last dose of each product (bounded, by the user-and-time index).</summary>
    private const int RecentWindow = 200;

    /// <summary>The last dose of each product among the recent doses, newest first.</summary>
    public async Task<IReadOnlyList<RecentDose>> RecentAsync(string userId, CancellationToken ct)
    {
        var rows = await db.Doses.AsNoTracking()
            .Where(d => d.UserId == userId)
            .OrderByDescending(d => d.TakenAt).ThenByDescending(d => d.Id)
            .Take(RecentWindow)
            .Select(d => new RecentDose(d.ProductId, d.Product!.Name, d.Amount, d.Unit))
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.DistinctBy(r => r.ProductId).ToArray();
    }

    /// <summary>The last dose of a product, or of any product when none is named.</summary>
    public Task<Dose?> LastAsync(string userId, long? productId, CancellationToken ct) =>
        db.Doses.AsNoTracking()
            .Where(d => d.UserId == userId && (productId == null || d.ProductId == productId))
            .OrderByDescending(d => d.TakenAt).ThenByDescending(d => d.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>The log command that repeats a dose now.</summary>
    public static LogDoseCommand Again(long productId, decimal amount, DoseUnit unit, Guid? clientId) =>
        new(productId, new DoseDraft(amount, unit.Name(), TakenAt: null, null, null, null, null), clientId, []);

    public async Task<Outcome<LogDoseCommand>> CommandAsync(string userId, RepeatBody body, CancellationToken ct)
    {
        if (await LastAsync(userId, body.ProductId, ct).ConfigureAwait(false) is { } last)
        {
            return Again(last.ProductId, last.Amount, last.Unit, body.ClientId);
        }
        if (body.ProductId is { } id && !await db.Products.AnyAsync(p => p.Id == id && p.UserId == userId, ct).ConfigureAwait(false))
        {
            return new Outcome<LogDoseCommand>.NotFound("Product");
        }
        return Outcome<LogDoseCommand>.Fail("productId", body.ProductId is null
            ? "There is no dose to repeat yet: log one first."
            : "There is no dose of this product to repeat yet: log one first.");
    }

    public async Task<Outcome<LoggedDose>> HandleAsync(string userId, RepeatBody body, CancellationToken ct) =>
        await CommandAsync(userId, body, ct).ConfigureAwait(false) switch
        {
            Outcome<LogDoseCommand>.Ok { Value: var cmd } => await log.HandleAsync(userId, cmd, ct).ConfigureAwait(false),
            Outcome<LogDoseCommand>.Invalid bad => Outcome<LoggedDose>.Fail(bad.Errors),
            _ => new Outcome<LoggedDose>.NotFound("Product"),
        };

    public async Task<Outcome<CheckedDose>> CheckAsync(string userId, RepeatBody body, CancellationToken ct) =>
        await CommandAsync(userId, body, ct).ConfigureAwait(false) switch
        {
            Outcome<LogDoseCommand>.Ok { Value: var cmd } => await log.CheckAsync(userId, cmd, ct).ConfigureAwait(false),
            Outcome<LogDoseCommand>.Invalid bad => Outcome<CheckedDose>.Fail(bad.Errors),
            _ => new Outcome<CheckedDose>.NotFound("Product"),
        };
}

internal static class RepeatDoseEndpoint
{
    public static RouteGroupBuilder MapRepeatDoseEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/doses/repeat", Handle).WithName("RepeatDose").WithTags("Journal")
            .WithSummary("Log the last dose of a product again, now (\"same as last time\")")
            .WithDescription("Same amount and unit as the product's last dose (productId omitted: the last dose of any product), checked and advised like any dose. A retry with the same clientId returns the first dose (200), or 410 when that dose was deleted since.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        api.MapPost("/doses/repeat/preview", Preview).WithName("PreviewRepeatDose").WithTags("Journal")
            .WithSummary("Check \"same as last time\" against the guardrails without storing anything")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<LogDoseResponse>, Ok<LogDoseResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        RepeatBody body, HttpContext http, RepeatDose handler, CancellationToken ct)
    {
        switch (await handler.HandleAsync(http.User.Id(), body, ct).ConfigureAwait(false))
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
        RepeatBody body, HttpContext http, RepeatDose handler, CancellationToken ct) =>
        await handler.CheckAsync(http.User.Id(), body, ct).ConfigureAwait(false) switch
        {
            Outcome<CheckedDose>.Ok { Value: var c } => TypedResults.Ok(DosePreview.From(c)),
            Outcome<CheckedDose>.Invalid bad => ApiResults.Invalid(bad.Errors),
            _ => ApiResults.NotFound("Product"),
        };
}
