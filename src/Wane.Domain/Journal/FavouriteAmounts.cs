using System.Globalization;
using Wane.Domain.Units;

namespace Wane.Domain.Journal;

/// <summary>
/// A product's favourite amounts: a few one-tap choices for logging, kept with the product. Each must be
/// a dose Wane would accept for it (a unit that fits, within the ceilings), so a tap never stores a typo.
/// </summary>
public static class FavouriteAmounts
{
    /// <summary>Most favourites a product keeps (more would no longer be one tap).</summary>
    public const int Max = 5;

    /// <summary>Longest stored text ("2.5 g;3 g;…").</summary>
    public const int MaxStoredLength = 200;

    /// <summary>Reads the stored form; anything unreadable is skipped rather than shown wrong.</summary>
    public static IReadOnlyList<Amount> Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return [];
        }
        var list = new List<Amount>();
        foreach (var part in stored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0
                && decimal.TryParse(part[..space], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && DoseUnits.TryParse(part[(space + 1)..], out var unit))
            {
                list.Add(new Amount(value, unit.Value));
            }
        }
        return list;
    }

    /// <summary>The stored form ("2 g;3 g"), or null for none.</summary>
    public static string? Format(IReadOnlyList<Amount> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        return amounts.Count == 0 ? null : string.Join(';', amounts.Select(a => a.ToString()));
    }

    /// <summary>Checks favourites for a product: at most <see cref="Max"/>, each a valid dose of it, no repeats.</summary>
    public static (IReadOnlyList<Amount>? Value, IReadOnlyList<FieldError> Errors) Validate(IReadOnlyList<(decimal? Amount, string? Unit)> items, ProductSpec product)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(product);
        if (items.Count > Max)
        {
            return (null, [new FieldError("favourites", $"Keep at most {Max} favourite amounts (there are {items.Count}).")]);
        }
        var errors = new List<FieldError>();
        var amounts = new List<Amount>();
        for (var i = 0; i < items.Count; i++)
        {
            var (value, unit) = items[i];
            var field = $"favourites[{i}]";
            if (!DoseUnits.TryParse(unit, out var u) || !Normalization.Fits(product, u.Value))
            {
                errors.Add(new(field, $"\"{unit}\" is not a unit this product is measured in. Use one of: {string.Join(", ", Normalization.UnitsFor(product).Select(x => x.Name()))}."));
                continue;
            }
            if (value is not { } v || v <= 0)
            {
                errors.Add(new(field, "Each favourite amount must be more than 0."));
                continue;
            }
            if (v > DoseRules.Ceiling(u.Value) || v != Math.Round(v, DoseRules.MaxDecimals))
            {
                errors.Add(new(field, $"{AmountText.Format(v)} {u.Value.Name()} is not a dose Wane would record (at most {AmountText.Format(DoseRules.Ceiling(u.Value))} {u.Value.Name()}, {DoseRules.MaxDecimals} decimal places). Check for a typo."));
                continue;
            }
            var amount = new Amount(v, u.Value);
            if (amounts.Contains(amount))
            {
                errors.Add(new(field, $"{amount} is already a favourite."));
                continue;
            }
            amounts.Add(amount);
        }
        return errors.Count > 0 ? (null, errors) : (amounts, errors);
    }
}
