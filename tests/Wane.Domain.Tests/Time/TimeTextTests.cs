using NodaTime;
using Shouldly;
using Wane.Domain.Time;

namespace Wane.Domain.Tests.Time;

public class TimeTextTests
{
    private static readonly LocalDays NewYork = new(DateTimeZoneProviders.Tzdb["America/New_York"]);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 15, 0);

    [Theory]
    [InlineData("2026-11-25T08:30:00-05:00", "2026-11-25T13:30:00Z")]
    [InlineData("2026-11-25T13:30:00Z", "2026-11-25T13:30:00Z")]
    [InlineData("2026-11-25T19:15:00+05:45", "2026-11-25T13:30:00Z")]
    public void ParseInstant_Rfc3339_WithOffset(string text, string utc) =>
        TimeText.Format(TimeText.ParseInstant(text)!.Value).ShouldBe(utc);

    [Theory]
    [InlineData("2026-11-25T08:30:00")]
    [InlineData("yesterday")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("")]
    public void ParseInstant_NoOffsetOrGarbage_IsNull(string text) => TimeText.ParseInstant(text).ShouldBeNull();

    [Fact]
    public void ParseUserTime_LocalDateTime_IsInTheUsersZone() =>
        TimeText.ParseUserTime("2026-11-25 08:30", NewYork, Now).ShouldBe(Instant.FromUtc(2026, 11, 25, 13, 30));

    [Fact]
    public void ParseUserTime_ClockTimeOnly_IsToday() =>
        TimeText.ParseUserTime("07:00", NewYork, Now).ShouldBe(Instant.FromUtc(2026, 11, 25, 12, 0));

    [Fact]
    public void ParseUserTime_SkippedSpringForwardTime_MovesForward() =>
        TimeText.ParseUserTime("2026-03-08 02:30", NewYork, Now).ShouldBe(Instant.FromUtc(2026, 3, 8, 7, 30)); // 03:30 EDT

    [Theory]
    [InlineData("2026-11-25", true)]
    [InlineData("2026-02-30", false)]
    [InlineData("25/11/2026", false)]
    public void ParseDate_IsoOnly(string text, bool ok) => (TimeText.ParseDate(text) is not null).ShouldBe(ok);

    [Fact]
    public void TimeZones_UnknownIdIsRejected()
    {
        TimeZones.TryFind("Asia/Kathmandu", out _).ShouldBeTrue();
        TimeZones.TryFind("Mars/Olympus_Mons", out _).ShouldBeFalse();
        TimeZones.TryFind("", out _).ShouldBeFalse();
    }
}
