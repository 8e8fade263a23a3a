using System.Globalization;

namespace Wane.Domain.Units;

/// <summary>
/// Parses and formats amounts with the invariant culture. A decimal comma is rejected rather than
/// guessed at: "0,5" could mean a half or (with a thousands separator) five, and a dose must never
/// silently change by a factor of ten.
/// </summary>
public static class AmountText
{
    /// <summary>Parses a plain decimal such as "0.5" or "12". Returns an error message on failure.</summary>
    public static bool TryParse(string? text, out decimal value, out string? error)
    {
        value = 0;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Enter an amount, for example 2.5.";
            return false;
        }
        var t = text.Trim();
        if (t.Contains(',', StringComparison.Ordinal))
        {
            error = $"\"{t}\" uses a comma. Write the amount with a decimal point, for example 0.5.";
            return false;
        }
        const NumberStyles styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;
        if (t.Length > 32 || !decimal.TryParse(t, styles, CultureInfo.InvariantCulture, out value))
        {
            error = $"\"{Truncate(t)}\" is not a number.";
            return false;
        }
        return true;
    }

    /// <summary>Formats a decimal without trailing zeros, with a decimal point.</summary>
    public static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Truncate(string t) => t.Length <= 20 ? t : t[..20] + "…";
}
