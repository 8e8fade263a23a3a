using NodaTime;
using Wane.Domain.Units;

namespace Wane.Domain.Journal;

/// <summary>
/// What makes a dose impossible or malformed (and so rejected). Everything else is recorded as
/// taken: the guardrails advise on it, they never refuse it.
/// </summary>
public static class DoseRules
{
    /// <summary>Longest note.</summary>
    public const int MaxNoteLength = 2_000;

    /// <summary>Most decimal places an amount may have.</summary>
    public const int MaxDecimals = 4;

    /// <summary>Largest single kratom dose accepted, in grams of product: anything above is a typo, not a dose.</summary>
    public const decimal MaxKratomGrams = 100m;

    /// <summary>Largest single opioid dose accepted, in MME.</summary>
    public const decimal MaxOpioidMme = 2_000m;

    /// <summary>How far ahead of the clock a dose time may be (clock skew between devices).</summary>
    public static readonly Duration MaxFutureSkew = Duration.FromMinutes(10);

    /// <summary>The earliest dose time accepted.</summary>
    public static readonly Instant Earliest = Instant.FromUtc(2000, 1, 1, 0, 0);

    /// <summary>Largest raw amount per unit.</summary>
    public static decimal Ceiling(DoseUnit unit) => unit switch
    {
        DoseUnit.Gram => 100m,
        DoseUnit.Milligram => 100_000m,
        DoseUnit.Microgram => 1_000_000m,
        DoseUnit.Capsule or DoseUnit.Tablet => 100m,
        DoseUnit.Teaspoon => 30m,
        DoseUnit.Milliliter => 1_000m,
        DoseUnit.MicrogramPerHour => 1_000m,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>Validates a dose of a product at <paramref name="now"/>; returns the dose or every problem found.</summary>
    public static (ValidDose? Dose, IReadOnlyList<FieldError> Errors) Validate(DoseDraft draft, ProductSpec product, Instant now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(product);
        var errors = new List<FieldError>();

        DoseUnit? unit = null;
        if (!DoseUnits.TryParse(draft.Unit, out var u))
        {
            errors.Add(new("unit", ProductRules.OneOf(draft.Unit, Normalization.UnitsFor(product).Select(x => x.Name()).ToArray())));
        }
        else if (!Normalization.Fits(product, u.Value))
        {
            errors.Add(new("unit", $"This product ({WireName.Of(product.Kind)}, {WireName.Of(product.Form)}) is not measured in {u.Value.Name()}. Use one of: {string.Join(", ", Normalization.UnitsFor(product).Select(x => x.Name()))}."));
        }
        else
        {
            unit = u;
        }

        if (draft.Amount is not { } value)
        {
            errors.Add(new("amount", "Enter the amount taken, for example 2.5."));
        }
        else if (value <= 0)
        {
            errors.Add(new("amount", "The amount must be more than 0."));
        }
        else if (value.Scale > MaxDecimals && value != Math.Round(value, MaxDecimals))
        {
            errors.Add(new("amount", $"Use at most {MaxDecimals} decimal places."));
        }
        else if (unit is { } un && value > Ceiling(un))
        {
            errors.Add(new("amount", $"{AmountText.Format(value)} {un.Name()} is more than one dose could be (the limit is {AmountText.Format(Ceiling(un))} {un.Name()}). Check for a typo."));
        }

        var takenAt = draft.TakenAt ?? now;
        if (takenAt > now + MaxFutureSkew)
        {
            errors.Add(new("takenAt", "That time is in the future. Record doses once they are taken."));
        }
        else if (takenAt < Earliest)
        {
            errors.Add(new("takenAt", "That time is too far in the past (before 2000)."));
        }

        MealTiming? meal = null;
        if (!string.IsNullOrWhiteSpace(draft.Meal))
        {
            if (WireName.TryParse<MealTiming>(draft.Meal, out var m))
            {
                meal = m;
            }
            else
            {
                errors.Add(new("meal", ProductRules.OneOf(draft.Meal, WireName.All<MealTiming>())));
            }
        }

        DoseReason? reason = null;
        if (!string.IsNullOrWhiteSpace(draft.Reason))
        {
            if (WireName.TryParse<DoseReason>(draft.Reason, out var r))
            {
                reason = r;
            }
            else
            {
                errors.Add(new("reason", ProductRules.OneOf(draft.Reason, WireName.All<DoseReason>())));
            }
        }

        if (draft.PainBefore is { } pain && (pain < 0 || pain > 10))
        {
            errors.Add(new("painBefore", "Pain is rated from 0 (none) to 10 (worst imaginable)."));
        }

        var note = FreeText.Normalize(draft.Note);
        if (note is not null && note.Length > MaxNoteLength)
        {
            errors.Add(new("note", $"Keep the note to {MaxNoteLength:N0} characters or fewer (it has {note.Length:N0})."));
        }
        else if (FreeText.HasControl(note))
        {
            errors.Add(new("note", FreeText.ControlMessage));
        }

        if (errors.Count > 0 || unit is null || draft.Amount is null)
        {
            return (null, errors);
        }

        var amount = new Amount(draft.Amount.Value, unit.Value);
        var (normalized, normalizationNote) = Normalization.Normalize(product, amount);
        if (normalized is { Unit: NormalUnit.Grams, Amount: > MaxKratomGrams } g)
        {
            errors.Add(new("amount", $"That is {AmountText.Format(g.Amount)} g of kratom product in one dose, above the {MaxKratomGrams} g limit. Check the amount and the product's capsule or teaspoon weight."));
        }
        else if (normalized is { Unit: NormalUnit.Mme, Amount: > MaxOpioidMme } mme)
        {
            errors.Add(new("amount", $"That is {AmountText.Format(mme.Amount)} MME in one dose, above the {MaxOpioidMme:N0} MME limit. Check the amount and the product's strength."));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ValidDose(amount, takenAt, meal, reason, draft.PainBefore, note, normalized, normalizationNote), errors);
    }
}
