using NodaTime;
using Wane.Domain;
using Wane.Domain.Time;

namespace Wane.Features.Common;

/// <summary>A range of local dates asked for in a query (<c>?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>), both inclusive.</summary>
internal static class DateRange
{
    /// <summary>The longest range one request may read.</summary>
    public const int MaxDays = 366;

    /// <summary>
    /// Parses <c>from</c> and <c>to</c>: <c>to</c> defaults to today, <c>from</c> to <paramref name="defaultDays"/>
    /// days ending with <c>to</c>. Errors name the parameter.
    /// </summary>
    public static Outcome<(LocalDate From, LocalDate To)> Parse(string? fromText, string? toText, LocalDate today, int defaultDays)
    {
        var errors = new List<FieldError>();
        var to = Date(toText, "to", today, errors);
        var from = Date(fromText, "from", to.PlusDays(-(defaultDays - 1)), errors);
        if (errors.Count == 0 && to < from)
        {
            errors.Add(new("to", "The end date is before the start date."));
        }
        if (errors.Count == 0 && Period.Between(from, to, PeriodUnits.Days).Days >= MaxDays)
        {
            errors.Add(new("from", $"Ask for at most {MaxDays} days at a time."));
        }
        return errors.Count > 0 ? Outcome<(LocalDate, LocalDate)>.Fail(errors) : (from, to);
    }

    private static LocalDate Date(string? text, string field, LocalDate fallback, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (TimeText.ParseDate(text) is { } d)
        {
            return d;
        }
        errors.Add(new(field, $"Use a date like 2026-11-25 (YYYY-MM-DD), {TimeText.RangeText}."));
        return fallback;
    }
}
