using System.Globalization;
using NodaTime;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>How advisories say times and amounts: invariant numbers, the person's local clock.</summary>
internal static class RuleText
{
    /// <summary>CDC 2022's caution, carried wherever an advisory shows MME.</summary>
    public const string MmeNote =
        " MME (CDC 2022 factors) estimate total opioid exposure for comparison; they are not a way to convert one opioid to another.";

    /// <summary>"HH:mm" on the person's clock.</summary>
    public static string Clock(LocalDays days, Instant at) => TimeText.FormatClock(days.LocalTimeOf(at));

    /// <summary>"HH:mm" when on the same calendar date as <paramref name="reference"/>, else "YYYY-MM-DD HH:mm".</summary>
    public static string When(LocalDays days, Instant at, Instant reference)
    {
        var local = days.LocalTimeOf(at);
        var clock = TimeText.FormatClock(local);
        return local.Date == days.LocalTimeOf(reference).Date ? clock : $"{TimeText.Format(local.Date)} {clock}";
    }

    /// <summary>"today" when the day is today's, else "on YYYY-MM-DD".</summary>
    public static string OnDay(LocalDate day, LocalDays days, Instant now) =>
        day == days.DayOf(now) ? "today" : $"on {TimeText.Format(day)}";

    /// <summary>"YYYY-MM-DD".</summary>
    public static string Date(LocalDate date) => TimeText.Format(date);

    /// <summary>"3.5 g", "60 MME".</summary>
    public static string Amount(decimal amount, NormalUnit unit) => $"{AmountText.Format(amount)} {unit.Name()}";

    /// <summary>An average, rounded to two decimals for reading: "4.67 g".</summary>
    public static string Average(decimal amount, NormalUnit unit) => Amount(Math.Round(amount, 2, MidpointRounding.AwayFromZero), unit);

    /// <summary>A plain number: "6", "5.5".</summary>
    public static string Number(decimal value) => AmountText.Format(value);

    /// <summary>A whole number, invariant.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"kratom" or "opioid".</summary>
    public static string KindName(ProductKind kind) => kind switch
    {
        ProductKind.Kratom => "kratom",
        ProductKind.Opioid => "opioid",
        _ => "other",
    };

    /// <summary>Elapsed real time, rounded down to the minute: "45 min", "5 h 59 min", "3 days 4 h".</summary>
    public static string Elapsed(Duration duration)
    {
        var minutes = (long)Math.Floor(duration.TotalMinutes);
        var days = minutes / (24 * 60);
        var hours = minutes % (24 * 60) / 60;
        var mins = minutes % 60;
        var text = days switch
        {
            0 => "",
            1 => "1 day",
            _ => string.Create(CultureInfo.InvariantCulture, $"{days} days"),
        };
        if (hours > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"{(text.Length > 0 ? " " : "")}{hours} h");
        }
        if (days == 0 && (mins > 0 || hours == 0))
        {
            text += string.Create(CultureInfo.InvariantCulture, $"{(text.Length > 0 ? " " : "")}{mins} min");
        }
        return text;
    }

    /// <summary>Case-insensitive, trimmed comparison of strain or batch names; a missing name matches nothing.</summary>
    public static bool SameName(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b)
        && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A list read aloud: "a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
