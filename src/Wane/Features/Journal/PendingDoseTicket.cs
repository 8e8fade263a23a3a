using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data.Entities;
using Wane.Data;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;
using Wane.Features.Common;
using Wane.Features.Guardrails;

namespace Wane.Features.Journal;

/// <summary>
/// A <see cref="PendingDose"/> carried by the log form between the advice and "Log anyway" (ADR 0023): protected
/// with the app's data-protection keys, so it cannot be altered, and tied to the person and 30 minutes.
/// </summary>
internal sealed class PendingDoseTicket(WaneDb db, IDataProtectionProvider protection)
{
    /// <summary>The form field that carries a pending dose (named in errors).</summary>
    public const string Field = "confirm";

    private static readonly TimeSpan TicketLife = TimeSpan.FromMinutes(30);

    private static readonly Func<WaneDb, string, long, CancellationToken, Task<Product?>> ReadProduct =
        EF.CompileAsyncQuery((WaneDb db, string userId, long id, CancellationToken ct) =>
            db.Products.AsNoTracking().FirstOrDefault(p => p.UserId == userId && p.Id == id));

    /// <summary>The pending dose as a protected value for a form (tied to the person, valid for 30 minutes).</summary>
    public string Protect(string userId, PendingDose pending, IReadOnlyList<AdvisoryView> advice)
    {
        var (dose, product, _, _) = pending.Checked;
        var s = pending.Stamp;
        var ticket = new Ticket(userId, product.Id, pending.ClientId, dose.Amount.Value, dose.Amount.Unit, dose.TakenAt.ToUnixTimeTicks(),
            dose.Meal, dose.Reason, dose.PainBefore, dose.Note, dose.Normalized?.Amount, dose.Normalized?.Unit, dose.NormalizationNote,
            s.From.ToUnixTimeTicks(), s.Until.ToUnixTimeTicks(), s.Count, s.LastDoseId, s.LastChangeId, [.. advice]);
        return Protector().Protect(JsonSerializer.Serialize(ticket, JsonSerializerOptions.Web), DateTimeOffset.UtcNow + TicketLife);
    }

    /// <summary>
    /// Reads a protected pending dose back: its product is read by id (not the stash) and the advice it was
    /// shown with comes along. A value that was altered, expired, or belongs to someone else is refused.
    /// </summary>
    public async Task<Outcome<(PendingDose Pending, IReadOnlyList<AdvisoryView> Advice)>> UnprotectAsync(string userId, string? value, LocalDays days, CancellationToken ct)
    {
        Ticket? t;
        try
        {
            t = string.IsNullOrEmpty(value) ? null : JsonSerializer.Deserialize<Ticket>(Protector().Unprotect(value, out _), JsonSerializerOptions.Web);
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            t = null;
        }
        if (t is null || t.User != userId)
        {
            return Outcome<(PendingDose, IReadOnlyList<AdvisoryView>)>.Fail(Field,
                "This confirmation could not be read: it was changed, has expired (after 30 minutes), or belongs to another session. Nothing was stored; check the dose and log it again.");
        }
        if (await ReadProduct(db, userId, t.Product, ct).ConfigureAwait(false) is not { } product)
        {
            return new Outcome<(PendingDose, IReadOnlyList<AdvisoryView>)>.NotFound("Product");
        }
        var dose = new ValidDose(new Amount(t.Amount, t.Unit), Instant.FromUnixTimeTicks(t.TakenAt), t.Meal, t.Reason, t.Pain, t.Note,
            t.NormalizedAmount is { } a && t.NormalizedUnit is { } u ? new Normalized(a, u) : null, t.NormalizationNote);
        var stamp = new DoseStamp(Instant.FromUnixTimeTicks(t.From), Instant.FromUnixTimeTicks(t.Until), t.Count, t.LastDoseId, t.LastChangeId);
        return (new PendingDose(new CheckedDose(dose, product, [], days), stamp, t.Client), t.Advice);
    }

    private ITimeLimitedDataProtector Protector() => protection.CreateProtector("Wane.Journal.PendingDose.v1").ToTimeLimitedDataProtector();

    private sealed record Ticket(string User, long Product, Guid? Client, decimal Amount, DoseUnit Unit, long TakenAt,
        MealTiming? Meal, DoseReason? Reason, int? Pain, string? Note, decimal? NormalizedAmount, NormalUnit? NormalizedUnit,
        NormalizationNote? NormalizationNote, long From, long Until, int Count, long LastDoseId, long LastChangeId, AdvisoryView[] Advice);
}
