using CsCheck;
using NodaTime;
using Shouldly;
using Wane.Domain.CheckIns;
using Wane.Domain.Tapering;
using Wane.Domain.Time;

namespace Wane.Domain.Tests.CheckIns;

public class WithdrawalHoldsTests
{
    private static readonly LocalDays NewYork = new(DateTimeZoneProviders.Tzdb["America/New_York"], dayStartHour: 4);
    private static readonly LocalDate Start = new(2026, 3, 1); // the plan runs across the spring-forward of 2026-03-08

    private static ScoredReading At(int day, int hour, int total, (int Day, int Hour)? overridden = null) =>
        new(Instant(day, hour), total, overridden is { } o ? Instant(o.Day, o.Hour) : null);

    private static Instant Instant(int day, int hour) =>
        NewYork.StartOf(Start.PlusDays(day)) + Duration.FromHours(hour);

    [Fact]
    public void During_NoReadings_NoHolds() =>
        WithdrawalHolds.During([], NewYork, new HoldSettings(), Start, Start.PlusDays(30)).ShouldBeEmpty();

    [Fact]
    public void During_HighScoreThenSettled_HoldsTheDaysBetween() =>
        WithdrawalHolds.During([At(0, 2, 5), At(2, 3, 14), At(5, 1, 6)], NewYork, new HoldSettings(), Start, Start.PlusDays(9))
            .ShouldBe([new Hold(Start.PlusDays(2), Start.PlusDays(4))]);

    [Fact]
    public void During_StillHighToday_RunEndsToday() =>
        WithdrawalHolds.During([At(1, 2, 20)], NewYork, new HoldSettings(), Start, Start.PlusDays(3))
            .ShouldBe([new Hold(Start.PlusDays(1), Start.PlusDays(3))]);

    [Fact]
    public void During_OverriddenTheNextDay_HoldsOnlyTheDayBefore() =>
        WithdrawalHolds.During([At(1, 2, 20, overridden: (2, 5))], NewYork, new HoldSettings(), Start, Start.PlusDays(4))
            .ShouldBe([new Hold(Start.PlusDays(1), Start.PlusDays(1))]);

    [Fact]
    public void During_RiseAboveBaseline_Holds() =>
        WithdrawalHolds.During([At(0, 1, 2), At(1, 1, 3), At(2, 1, 2), At(3, 1, 8)], new LocalDays(DateTimeZone.Utc), new HoldSettings(Threshold: 30, Rise: 6), Start, Start.PlusDays(3))
            .ShouldBe([new Hold(Start.PlusDays(3), Start.PlusDays(3))]);

    /// <summary>The first definition: each day, the rule over every reading up to that day's end.</summary>
    private static List<Hold> Naive(IReadOnlyList<ScoredReading> readings, LocalDays days, HoldSettings settings, LocalDate start, LocalDate today)
    {
        var holds = new List<Hold>();
        var ordered = readings.OrderBy(r => r.TakenAt).ToList();
        if (ordered.Count == 0)
        {
            return holds;
        }
        LocalDate? run = null;
        var first = days.DayOf(ordered[0].TakenAt);
        for (var day = first < start ? start : first; day <= today; day = day.PlusDays(1))
        {
            var end = days.StartOf(day.PlusDays(1));
            var upTo = ordered.Where(r => r.TakenAt < end).ToList();
            var latest = upTo.Count > 0 ? upTo[^1] : null;
            var held = latest is not null
                && HoldRule.Decide([.. upTo.Select(r => new SowsReading(days.DayOf(r.TakenAt), r.TakenAt, r.Total))], settings).Hold
                && !(latest.OverriddenAt is { } o && days.DayOf(o) <= day);
            if (held)
            {
                run ??= day;
            }
            else if (run is { } s)
            {
                holds.Add(new Hold(s, day.PlusDays(-1)));
                run = null;
            }
        }
        if (run is { } open)
        {
            holds.Add(new Hold(open, today));
        }
        return holds;
    }

    [Fact]
    public void During_AnyReadings_SameAsTheRuleOverEveryPrefix()
    {
        var reading = Gen.Select(Gen.Int[-3, 60], Gen.Int[0, 23], Gen.Int[0, 64], Gen.Int[-1, 5],
            (day, hour, total, overrideAfter) => At(day, hour, total, overrideAfter < 0 ? null : (day + overrideAfter, hour)));
        Gen.Select(reading.Array[0, 40], Gen.Int[1, 30], Gen.Int[1, 20], Gen.Int[0, 70])
            .Sample((readings, threshold, rise, todayOffset) =>
            {
                var settings = new HoldSettings(threshold, rise);
                var today = Start.PlusDays(todayOffset);
                WithdrawalHolds.During(readings, NewYork, settings, Start, today).ShouldBe(Naive(readings, NewYork, settings, Start, today));
            }, iter: 500);
    }

    /// <summary>Zones whose day starts inside a clock change: New York at 02:00 (spring-forward gap), London at 01:00 (fall-back overlap), Santiago at midnight.</summary>
    private static readonly LocalDays[] Calendars =
    [
        new(DateTimeZoneProviders.Tzdb["America/New_York"], dayStartHour: 2),
        new(DateTimeZoneProviders.Tzdb["Europe/London"], dayStartHour: 1),
        new(DateTimeZoneProviders.Tzdb["America/Santiago"]),
        new(DateTimeZone.Utc),
    ];

    [Fact]
    public void During_LongHistoriesAcrossClockChanges_SameAsTheRuleOverEveryPrefix()
    {
        // Two years around the 2026 and 2027 changes, several readings on some days, overrides on the same day or later.
        var origin = NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0);
        var reading = Gen.Select(Gen.Int[0, 730 * 24 * 4], Gen.Int[0, 64], Gen.Int[-3, 10 * 24 * 4],
            (quarter, total, overrideAfter) => new ScoredReading(origin + Duration.FromMinutes(quarter * 15L), total,
                overrideAfter < 0 ? null : origin + Duration.FromMinutes((quarter + overrideAfter) * 15L)));
        Gen.Select(reading.Array[0, 120], Gen.Int[0, Calendars.Length - 1], Gen.Int[1, 30], Gen.Int[1, 20], Gen.Int[-30, 700], Gen.Int[0, 760])
            .Sample((readings, zone, threshold, rise, startOffset, todayOffset) =>
            {
                var days = Calendars[zone];
                var settings = new HoldSettings(threshold, rise);
                var first = new LocalDate(2026, 1, 1);
                var start = first.PlusDays(startOffset);
                var today = first.PlusDays(todayOffset);
                WithdrawalHolds.During(readings, days, settings, start, today).ShouldBe(Naive(readings, days, settings, start, today));
            }, iter: 300);
    }

    [Fact]
    public void After_SettledPrefixAndTheDecidingReadings_SameAsDuringOverEveryReading()
    {
        var origin = NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0);
        var reading = Gen.Select(Gen.Int[0, 730 * 24 * 4], Gen.Int[0, 64], Gen.Int[-3, 10 * 24 * 4],
            (quarter, total, overrideAfter) => new ScoredReading(origin + Duration.FromMinutes(quarter * 15L), total,
                overrideAfter < 0 ? null : origin + Duration.FromMinutes((quarter + overrideAfter) * 15L)));
        Gen.Select(reading.Array[0, 120], Gen.Int[0, Calendars.Length - 1], Gen.Int[1, 30], Gen.Int[1, 20], Gen.Int[-30, 700], Gen.Int[-40, 760], Gen.Int[0, 760])
            .Sample((readings, zone, threshold, rise, startOffset, throughOffset, todayOffset) =>
            {
                var days = Calendars[zone];
                var settings = new HoldSettings(threshold, rise);
                var first = new LocalDate(2026, 1, 1);
                var (start, through, today) = (first.PlusDays(startOffset), first.PlusDays(throughOffset), first.PlusDays(todayOffset));
                var ordered = readings.OrderBy(r => r.TakenAt).ToArray();
                var cutoff = days.StartOf(through.PlusDays(1));
                var before = ordered.Count(r => r.TakenAt < cutoff);
                // The settled prefix sees only the readings before the cutoff; the rest is what a dose would read.
                var settled = WithdrawalHolds.Settle(ordered[..before], days, settings, start, through);
                var deciding = ordered.Select((r, i) => (r, i)).Where(x => x.i < 3 || x.i == before - 1 || x.i >= before).Select(x => x.r).ToArray();

                WithdrawalHolds.After(settled, deciding, days, settings, start, today).ShouldBe(WithdrawalHolds.During(readings, days, settings, start, today));
            }, iter: 300);
    }
}
