using CsCheck;
using NodaTime;
using Shouldly;
using Wane.Domain.Time;

namespace Wane.Domain.Tests.Time;

public class LocalDaysTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone Kathmandu = DateTimeZoneProviders.Tzdb["Asia/Kathmandu"];

    [Fact]
    public void LengthOf_SpringForwardDay_Is23Hours() =>
        new LocalDays(NewYork).LengthOf(new LocalDate(2026, 3, 8)).ShouldBe(Duration.FromHours(23));

    [Fact]
    public void LengthOf_FallBackDay_Is25Hours() =>
        new LocalDays(NewYork).LengthOf(new LocalDate(2026, 11, 1)).ShouldBe(Duration.FromHours(25));

    [Fact]
    public void DayOf_BothOneThirtiesOnFallBack_AreTheSameDayAndAnHourApart()
    {
        var days = new LocalDays(NewYork);
        var first = Instant.FromUtc(2026, 11, 1, 5, 30);  // 01:30 EDT
        var second = Instant.FromUtc(2026, 11, 1, 6, 30); // 01:30 EST
        days.LocalTimeOf(first).ShouldBe(days.LocalTimeOf(second));
        days.DayOf(first).ShouldBe(new LocalDate(2026, 11, 1));
        days.DayOf(second).ShouldBe(new LocalDate(2026, 11, 1));
        (second - first).ShouldBe(Duration.FromHours(1));
    }

    [Fact]
    public void DayOf_AroundSpringForward_SplitsAtLocalMidnight()
    {
        var days = new LocalDays(NewYork);
        days.DayOf(Instant.FromUtc(2026, 3, 8, 4, 59)).ShouldBe(new LocalDate(2026, 3, 7)); // 23:59 EST
        days.DayOf(Instant.FromUtc(2026, 3, 8, 5, 0)).ShouldBe(new LocalDate(2026, 3, 8));  // 00:00 EST
        days.DayOf(Instant.FromUtc(2026, 3, 8, 7, 0)).ShouldBe(new LocalDate(2026, 3, 8));  // 03:00 EDT
    }

    [Fact]
    public void StartOf_DayStartInsideTheGap_StartsWhenClocksResume()
    {
        var days = new LocalDays(NewYork, dayStartHour: 2);
        days.StartOf(new LocalDate(2026, 3, 8)).ShouldBe(Instant.FromUtc(2026, 3, 8, 7, 0)); // 03:00 EDT
        days.DayOf(Instant.FromUtc(2026, 3, 8, 6, 59)).ShouldBe(new LocalDate(2026, 3, 7)); // 01:59 EST
    }

    [Fact]
    public void DayOf_NonHourOffsetZone_UsesKathmanduMidnight()
    {
        var days = new LocalDays(Kathmandu); // UTC+05:45
        days.DayOf(Instant.FromUtc(2026, 11, 24, 18, 14)).ShouldBe(new LocalDate(2026, 11, 24)); // 23:59
        days.DayOf(Instant.FromUtc(2026, 11, 24, 18, 15)).ShouldBe(new LocalDate(2026, 11, 25)); // 00:00
        days.StartOf(new LocalDate(2026, 11, 25)).ShouldBe(Instant.FromUtc(2026, 11, 24, 18, 15));
    }

    [Fact]
    public void DayOf_DayStartHourFour_EarlyHoursBelongToTheDayBefore()
    {
        var days = new LocalDays(NewYork, dayStartHour: 4);
        days.DayOf(Instant.FromUtc(2026, 11, 25, 8, 59)).ShouldBe(new LocalDate(2026, 11, 24)); // 03:59 EST
        days.DayOf(Instant.FromUtc(2026, 11, 25, 9, 0)).ShouldBe(new LocalDate(2026, 11, 25));  // 04:00 EST
        // The repeated 01:00–02:00 hour falls before 04:00, so it belongs to the day of 31 October.
        days.LengthOf(new LocalDate(2026, 10, 31)).ShouldBe(Duration.FromHours(25));
        days.LengthOf(new LocalDate(2026, 11, 1)).ShouldBe(Duration.FromHours(24));
    }

    [Fact]
    public void Constructor_DayStartHourOutOfRange_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new LocalDays(NewYork, 24));

    private static readonly Gen<LocalDays> AnyDays =
        Gen.Select(
            Gen.OneOf("America/New_York", "Asia/Kathmandu", "Europe/London", "Australia/Lord_Howe", "Pacific/Chatham", "America/Santiago", "UTC"),
            Gen.Int[0, 23],
            (zone, hour) => new LocalDays(DateTimeZoneProviders.Tzdb[zone], hour));

    [Fact]
    public void DayOf_EveryInstant_LiesWithinItsDaysSpan() =>
        Gen.Select(AnyDays, Gen.Long[1_577_836_800L, 1_893_456_000L]) // 2020..2030
            .Sample((days, seconds) =>
            {
                var instant = Instant.FromUnixTimeSeconds(seconds);
                var day = days.DayOf(instant);
                days.Span(day, day).Contains(instant).ShouldBeTrue($"{instant} in {days.Zone.Id} start {days.DayStartHour}");
            });

    [Fact]
    public void StartOf_EveryDay_BelongsToThatDay() =>
        Gen.Select(AnyDays, Gen.Int[0, 3650])
            .Sample((days, offset) =>
            {
                var date = new LocalDate(2020, 1, 1).PlusDays(offset);
                days.DayOf(days.StartOf(date)).ShouldBe(date);
                days.LengthOf(date).ShouldBeGreaterThan(Duration.FromHours(20));
                days.LengthOf(date).ShouldBeLessThan(Duration.FromHours(28));
            });
}
