using System.Globalization;
using NodaTime;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Features.Journal;

namespace Wane.Features.Trends;

/// <summary>A kratom strain taken on a day: the product's strain (what R2 rotates), or its name when it has none.</summary>
public sealed record StrainTakenView(string Label, string Product, bool HasStrain);

/// <summary>A strain and on how many days of the month it was taken (R2 rotates strains).</summary>
public sealed record StrainCountView(string Label, int Days);

/// <summary>
/// One local day of the month grid: its totals per kind and kratom-free mark (the same figures as
/// <c>GET /api/v1/trends</c> and <c>GET /api/v1/days/{date}</c>), whether it is today or still to come, and the
/// kratom strains taken that day in the order first taken.
/// </summary>
public sealed record CalendarDayView(
    string Date,
    int Day,
    string Weekday,
    IReadOnlyList<TrendTotalView> Totals,
    bool KratomFree,
    bool Today,
    bool Future,
    IReadOnlyList<StrainTakenView> Strains);

/// <summary>
/// A month of a person's days: the grid (weeks from Monday, <c>null</c> outside the month), the days with doses
/// newest first, and the links to the months before and after (none past the current month or outside 1900–2200).
/// </summary>
public sealed record MonthView(
    string Month,
    string Title,
    string? Previous,
    string? Next,
    IReadOnlyList<IReadOnlyList<CalendarDayView?>> Weeks,
    IReadOnlyList<DayView> Days,
    int KratomFreeDays,
    IReadOnlyList<StrainCountView> Strains,
    bool HasToday);

/// <summary>The History page's month: totals and kratom-free days from <see cref="GetTrends"/>, the doses' strains beside them.</summary>
internal sealed class ShowMonth(GetTrends trends, Profile profile, IClock clock)
{
    private static readonly LocalDate FirstMonth = new(1900, 1, 1);
    private static readonly LocalDate LastMonth = new(2200, 12, 1);

    public async Task<Outcome<MonthView>> HandleAsync(string userId, string? monthText, CancellationToken ct)
    {
        var days = await profile.DaysAsync(userId, ct).ConfigureAwait(false);
        var today = days.DayOf(clock.GetCurrentInstant());
        var current = new LocalDate(today.Year, today.Month, 1);
        var first = current;
        if (!string.IsNullOrWhiteSpace(monthText))
        {
            if (ParseMonth(monthText) is not { } asked)
            {
                return Outcome<MonthView>.Fail("month", $"Use a month like 2026-11 (YYYY-MM), between 1900-01 and 2200-12.");
            }
            first = asked;
        }
        var last = first.PlusMonths(1).PlusDays(-1);
        var read = await trends.ReadAsync(userId, days, first, last, today, ct).ConfigureAwait(false);
        var (view, doses) = (read.View, read.Doses);

        var cells = view.Days.Select((d, i) => Cell(first.PlusDays(i), d, doses[first.PlusDays(i)].ToList(), today)).ToArray();
        var lead = (int)first.DayOfWeek - 1; // Monday first
        var slots = Enumerable.Repeat<CalendarDayView?>(null, lead).Concat(cells).ToList();
        while (slots.Count % 7 != 0)
        {
            slots.Add(null);
        }
        var weeks = slots.Chunk(7).Select(w => (IReadOnlyList<CalendarDayView?>)w).ToArray();
        var withDoses = Enumerable.Range(0, view.Days.Count).Reverse()
            .Select(i => first.PlusDays(i))
            .Where(date => doses[date].Any())
            .Select(date => DoseQueries.Day(date, doses[date].ToList(), days))
            .ToArray();
        return new MonthView(
            Format(first),
            Title(Format(first)),
            first > FirstMonth ? Format(first.PlusMonths(-1)) : null,
            first < current && first < LastMonth ? Format(first.PlusMonths(1)) : null,
            weeks,
            withDoses,
            cells.Count(c => c.KratomFree),
            cells.SelectMany(c => c.Strains.Select(s => (s.Label, c.Date))).GroupBy(x => x.Label, StringComparer.OrdinalIgnoreCase)
                .Select(g => new StrainCountView(g.First().Label, g.Select(x => x.Date).Distinct().Count())).ToArray(),
            cells.Any(c => c.Today));
    }

    /// <summary>"2026-11" read as the first of that month; null for anything else or outside 1900–2200.</summary>
    public static LocalDate? ParseMonth(string text) =>
        text.Length == 7 && text[4] == '-' && TimeText.ParseDate(text + "-01") is { } d ? d : null;

    public static string Format(LocalDate first) => first.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"November 2026" for "2026-11".</summary>
    public static string Title(string month) => ParseMonth(month) is { } d ? d.ToString("MMMM yyyy", CultureInfo.InvariantCulture) : month;

    /// <summary>A strain label short enough for a day of the grid (the full names are listed beneath it).</summary>
    public static string Short(string label) => label.Length <= 7 ? label : label[..6] + "…";

    private static CalendarDayView Cell(LocalDate date, TrendDayView day, List<Data.Entities.Dose> doses, LocalDate today)
    {
        var strains = doses
            .Where(d => d.Kind == ProductKind.Kratom && d.Product is not null)
            .Select(d => string.IsNullOrWhiteSpace(d.Product!.Strain)
                ? new StrainTakenView(d.Product.Name, d.Product.Name, false)
                : new StrainTakenView(d.Product.Strain.Trim(), d.Product.Name, true))
            .DistinctBy(s => (s.Label.ToUpperInvariant(), s.Product))
            .ToArray();
        return new CalendarDayView(
            day.Date,
            date.Day,
            date.DayOfWeek.ToString()[..3],
            day.Totals,
            day.KratomFree,
            date == today,
            date > today,
            strains);
    }
}
