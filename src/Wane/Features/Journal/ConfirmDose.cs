using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Domain.Journal;
using Wane.Domain.Units;
using Wane.Features.Common;

namespace Wane.Features.Journal;

/// <summary>
/// What the history a dose was judged against looked like: the doses in the span the guardrails read (how
/// many, the newest id) and the person's newest change to any dose (an edit or deletion writes an audit row).
/// A dose logged, edited, moved or deleted in between changes it.
/// </summary>
internal sealed record DoseStamp(Instant From, Instant Until, int Count, long LastDoseId, long LastChangeId);

/// <summary>A dose validated and advised once, waiting for "log anyway", with the stamp of what it was judged against.</summary>
internal sealed record PendingDose(CheckedDose Checked, DoseStamp Stamp, Guid? ClientId);

/// <summary>The answer to a confirmation: the dose stored, or (the history changed meanwhile) new advice to confirm.</summary>
internal abstract record Confirmation
{
    private Confirmation()
    {
    }

    public sealed record Logged(LoggedDose Dose) : Confirmation;

    public sealed record Changed(PendingDose Fresh) : Confirmation;
}

/// <summary>
/// Confirm-once (ADR 0023): hosts that ask before storing (the web form, interactive <c>wane log</c>) evaluate a
/// dose once, keep the evaluation, and on "log anyway" only check with one small query that the history is
/// as it was. If it changed, the dose is evaluated again and the new advice shown; nothing is stored silently.
/// </summary>
internal sealed class ConfirmDose(WaneDb db, LogDose log, DoseAdvisor advisor)
{
    private static readonly Func<WaneDb, string, Instant, Instant, CancellationToken, Task<StampRow?>> ReadStamp =
        EF.CompileAsyncQuery((WaneDb db, string userId, Instant from, Instant until, CancellationToken ct) =>
            db.Users.Where(u => u.Id == userId).Select(u => new StampRow(
                db.Doses.Count(d => d.UserId == userId && d.TakenAt >= from && d.TakenAt < until),
                db.Doses.Where(d => d.UserId == userId && d.TakenAt >= from && d.TakenAt < until).Max(d => (long?)d.Id) ?? 0,
                db.DoseAudits.Where(a => a.UserId == userId).Max(a => (long?)a.Id) ?? 0)).FirstOrDefault());

    /// <summary>Keeps a dose just checked by <see cref="LogDose.CheckAsync"/> for confirmation: one small query.</summary>
    public async Task<PendingDose> HoldAsync(string userId, CheckedDose checkedDose, Guid? clientId, CancellationToken ct)
    {
        var (from, until) = advisor.LastWindow ?? throw new InvalidOperationException("Hold a dose right after checking it.");
        return new PendingDose(checkedDose, await StampAsync(userId, from, until, ct).ConfigureAwait(false), clientId);
    }

    /// <summary>Stores the pending dose when the history is as it was; otherwise evaluates it again (nothing stored).</summary>
    public async Task<Outcome<Confirmation>> ConfirmAsync(string userId, PendingDose pending, CancellationToken ct)
    {
        if (await log.ReplayAsync(userId, pending.ClientId, ct).ConfigureAwait(false) is { } earlier)
        {
            return Relay(earlier);
        }
        var stamp = await StampAsync(userId, pending.Stamp.From, pending.Stamp.Until, ct).ConfigureAwait(false);
        if (stamp == pending.Stamp)
        {
            return Relay(await log.StoreAsync(userId, pending.ClientId, pending.Checked, ct).ConfigureAwait(false));
        }
        var valid = pending.Checked.Dose;
        var draft = new DoseDraft(valid.Amount.Value, valid.Amount.Unit.Name(), valid.TakenAt,
            valid.Meal is { } m ? Domain.WireName.Of(m) : null, valid.Reason is { } r ? Domain.WireName.Of(r) : null, valid.PainBefore, valid.Note);
        return await log.CheckAsync(userId, new LogDoseCommand(pending.Checked.Product.Id, draft, pending.ClientId, []), ct).ConfigureAwait(false) switch
        {
            Outcome<CheckedDose>.Ok { Value: var fresh } => new Confirmation.Changed(await HoldAsync(userId, fresh, pending.ClientId, ct).ConfigureAwait(false)),
            Outcome<CheckedDose>.Invalid bad => Outcome<Confirmation>.Fail(bad.Errors),
            _ => new Outcome<Confirmation>.NotFound("Product"),
        };
    }

    private async Task<DoseStamp> StampAsync(string userId, Instant from, Instant until, CancellationToken ct)
    {
        var row = await ReadStamp(db, userId, from, until, ct).ConfigureAwait(false) ?? new StampRow(0, 0, 0);
        return new DoseStamp(from, until, row.Count, row.LastDoseId, row.LastChangeId);
    }

    private static Outcome<Confirmation> Relay(Outcome<LoggedDose> stored) => stored switch
    {
        Outcome<LoggedDose>.Ok { Value: var d } => new Confirmation.Logged(d),
        Outcome<LoggedDose>.Gone g => new Outcome<Confirmation>.Gone(g.Title, g.Detail),
        Outcome<LoggedDose>.Invalid bad => Outcome<Confirmation>.Fail(bad.Errors),
        _ => new Outcome<Confirmation>.NotFound("Product"),
    };

    private sealed record StampRow(int Count, long LastDoseId, long LastChangeId);
}
