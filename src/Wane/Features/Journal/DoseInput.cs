using System.Globalization;
using NodaTime;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;

namespace Wane.Features.Journal;

/// <summary>The dose form's fields as typed. Times are the person's local time; empty means now.</summary>
public sealed class DoseInput
{
    public string? ProductId { get; set; }
    public string? Amount { get; set; }
    public string? Unit { get; set; }
    public string? TakenAt { get; set; }
    public string? Meal { get; set; }
    public string? Reason { get; set; }
    public string? PainBefore { get; set; }
    public string? Note { get; set; }
    public string? ClientId { get; set; }

    /// <summary>
    /// The stored instant of a dose being corrected, with the local text it was shown as: when the
    /// time is left as shown, this instant is kept, so a dose in a repeated hour is not made ambiguous by editing its note.
    /// </summary>
    public string? KeepInstant { get; set; }
    public string? KeepLocal { get; set; }

    /// <summary>After <see cref="ToCommand"/>: the instants a skipped or repeated local time may mean, for the person to choose.</summary>
    internal IReadOnlyList<Instant> TimeChoices { get; private set; } = [];

    internal LogDoseCommand ToCommand(LocalDays days, Instant now)
    {
        var errors = new List<FieldError>();
        long? productId = null;
        if (long.TryParse(ProductId, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            productId = pid;
        }
        else if (!string.IsNullOrWhiteSpace(ProductId))
        {
            errors.Add(new("productId", "Choose one of your products."));
        }
        decimal? amount = null;
        if (AmountText.TryParse(Amount, out var a, out var amountError))
        {
            amount = a;
        }
        else
        {
            errors.Add(new("amount", amountError!));
        }
        Instant? takenAt = null;
        if (!string.IsNullOrWhiteSpace(TakenAt))
        {
            if (KeepInstant is not null && TakenAt == KeepLocal && TimeText.ParseInstant(KeepInstant) is { } kept)
            {
                takenAt = kept;
            }
            else
            {
                var parsed = TimeText.ParseUserTimeStrict(TakenAt, days, now, $"Use a time like 2026-11-25 08:30 ({TimeText.RangeText}), or leave it empty for now.");
                takenAt = parsed.Value;
                TimeChoices = parsed.Choices;
                if (parsed.Error is { } error)
                {
                    errors.Add(new("takenAt", error));
                }
            }
        }
        int? pain = null;
        if (!string.IsNullOrWhiteSpace(PainBefore))
        {
            if (int.TryParse(PainBefore, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p))
            {
                pain = p;
            }
            else
            {
                errors.Add(new("painBefore", "Pain is a whole number from 0 to 10."));
            }
        }
        Guid? clientId = Guid.TryParse(ClientId, out var cid) ? cid : null;
        return new(productId, new DoseDraft(amount, Unit, takenAt, Meal, Reason, pain, Note), clientId, errors);
    }

    internal static DoseInput From(Dose d, LocalDays days) => new()
    {
        KeepInstant = TimeText.FormatLocal(d.TakenAt, days),
        KeepLocal = days.LocalTimeOf(d.TakenAt).ToString("uuuu'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture),
        ProductId = d.ProductId.ToString(CultureInfo.InvariantCulture),
        Amount = AmountText.Format(d.Amount),
        Unit = d.Unit.Name(),
        TakenAt = days.LocalTimeOf(d.TakenAt).ToString("uuuu'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture),
        Meal = d.Meal is { } m ? WireName.Of(m) : null,
        Reason = d.Reason is { } r ? WireName.Of(r) : null,
        PainBefore = d.PainBefore?.ToString(CultureInfo.InvariantCulture),
        Note = d.Note,
    };
}
