using NodaTime;
using Shouldly;
using Wane.Domain.Time;

namespace Wane.Domain.Tests.Time;

public class UserTimeTests
{
    private static readonly LocalDays NewYork = new(DateTimeZoneProviders.Tzdb["America/New_York"]);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 15, 0);

    private static UserTime Parse(string text) => TimeText.ParseUserTimeStrict(text, NewYork, Now, "unreadable");

    [Fact]
    public void ParseUserTimeStrict_OrdinaryLocalTime_IsOneInstant() =>
        Parse("2026-11-25 08:30").Value.ShouldBe(Instant.FromUtc(2026, 11, 25, 13, 30));

    [Fact]
    public void ParseUserTimeStrict_RepeatedFallBackTime_OffersBothInstants()
    {
        var t = Parse("2026-11-01 01:30");
        t.Value.ShouldBeNull();
        t.Choices.ShouldBe([Instant.FromUtc(2026, 11, 1, 5, 30), Instant.FromUtc(2026, 11, 1, 6, 30)]);
        t.Error!.ShouldContain("happened twice");
        t.Error!.ShouldContain("UTC-04:00");
        t.Error!.ShouldContain("UTC-05:00");
    }

    [Fact]
    public void ParseUserTimeStrict_SkippedSpringForwardTime_IsNotMovedSilently()
    {
        var t = Parse("2026-03-08 02:30");
        t.Value.ShouldBeNull();
        t.Choices.ShouldBe([Instant.FromUtc(2026, 3, 8, 7, 30)]); // 03:30 EDT, offered, not stored
        t.Error!.ShouldContain("did not happen");
        t.Error!.ShouldContain("03:30");
    }

    [Fact]
    public void ParseUserTimeStrict_ChosenInstantWithOffset_IsTaken() =>
        Parse(TimeText.FormatLocal(Instant.FromUtc(2026, 11, 1, 6, 30), NewYork)).Value.ShouldBe(Instant.FromUtc(2026, 11, 1, 6, 30));

    [Fact]
    public void Clarify_RepeatedHour_SaysWhichOne()
    {
        TimeText.Clarify(Instant.FromUtc(2026, 11, 1, 6, 30), NewYork).ShouldBe("the second 01:30, UTC-05:00");
        TimeText.Clarify(Instant.FromUtc(2026, 11, 1, 5, 30), NewYork).ShouldBe("the first 01:30, UTC-04:00");
        TimeText.Clarify(Instant.FromUtc(2026, 11, 25, 13, 30), NewYork).ShouldBeNull();
    }

    [Fact]
    public void Choices_AreCanonicalIanaIds() =>
        TimeZones.Choices.ShouldSatisfyAllConditions(
            z => z.ShouldContain("America/New_York"),
            z => z.ShouldContain("Asia/Kathmandu"),
            z => z.ShouldNotContain("US/Eastern"));
}
