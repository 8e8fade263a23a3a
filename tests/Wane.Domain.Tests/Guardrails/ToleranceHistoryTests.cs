using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using static Wane.Domain.Tests.Guardrails.Doses;

namespace Wane.Domain.Tests.Guardrails;

public class ToleranceHistoryTests
{
    private static readonly LocalDate Today = new(2026, 11, 25);
    private static readonly Instant Now = Ny(2026, 11, 25, 20, 0);

    /// <summary>5 g a day for 40 days, then 7 g a day for the last 10 (today included, at noon).</summary>
    private static GuardrailContext Rising() => Context(
    [
        .. Daily(NewYorkDays, Today.PlusDays(1), 10, new LocalTime(12, 0), t => Kratom(t, 7m)),
        .. Daily(NewYorkDays, Today.PlusDays(-9), 40, new LocalTime(12, 0), t => Kratom(t, 5m)),
    ]);

    [Fact]
    public void Compute_LastDay_IsTheTodayStandingsTrend()
    {
        var context = Rising();
        var series = ToleranceHistory.Compute(context, GuardrailSettings.Defaults, ProductKind.Kratom, Today.PlusDays(-13), Today, Now);
        var standing = Standing.Compute(context, GuardrailSettings.Defaults, Now).ToleranceTrends.Single(t => t.Kind == ProductKind.Kratom);

        series.Days.Count.ShouldBe(14);
        series.Days[^1].Date.ShouldBe(Today);
        series.Days[^1].RecentDailyAverage.ShouldBe(standing.RecentDailyAverage);
        series.Days[^1].BaselineDailyAverage.ShouldBe(standing.BaselineDailyAverage);
        series.Days[^1].PercentChange.ShouldBe(standing.PercentChange);
        series.Days[^1].Rising.ShouldBe(standing.Rising);
        (series.RecentDays, series.BaselineDays, series.RisePercent).ShouldBe((7, 28, 20m));
    }

    [Fact]
    public void Compute_RisingDays_AreThoseWhoseRecentAverageReachesTheBaselineRaisedByTheRise()
    {
        var series = ToleranceHistory.Compute(Rising(), GuardrailSettings.Defaults, ProductKind.Kratom, Today.PlusDays(-13), Today, Now);

        foreach (var d in series.Days)
        {
            d.RisingAt!.Value.ShouldBe(d.BaselineDailyAverage * 1.2m, 0.0001m, d.Date.ToString());
            d.Rising.ShouldBe(d.RecentDailyAverage >= d.RisingAt, d.Date.ToString());
        }
        // The 7 g days start on 16 November: on the 19th four of the seven days are 7 g (6.14 ≥ 6.0), on the 18th three (5.86).
        series.Days.Where(d => d.Rising).Select(d => d.Date.Day).ShouldBe([19, 20, 21, 22, 23, 24, 25]);
        series.Days.Single(d => d.Date.Day == 15).RecentDailyAverage.ShouldBe(5m);
        series.Days.Single(d => d.Date.Day == 19).RecentDailyAverage.ShouldBe(Math.Round(43m / 7m, 4));
    }

    [Fact]
    public void Compute_RiseFromTheSettings_MovesTheLine()
    {
        var settings = With("S2.rise=50%");
        var series = ToleranceHistory.Compute(Rising(), settings, ProductKind.Kratom, Today.PlusDays(-13), Today, Now);

        series.RisePercent.ShouldBe(50m);
        series.Days[0].RisingAt.ShouldBe(7.5m);
        series.Days.ShouldAllBe(d => !d.Rising);
    }

    [Fact]
    public void Compute_DaysAfterToday_AreLeftOut_AndDosesAfterNowIgnored()
    {
        var context = Rising().WithExtra([Kratom(Now + Duration.FromHours(1), 100m)]);
        var series = ToleranceHistory.Compute(context, GuardrailSettings.Defaults, ProductKind.Kratom, Today.PlusDays(-1), Today.PlusDays(5), Now);

        series.Days.Select(d => d.Date).ShouldBe([Today.PlusDays(-1), Today]);
        series.Days[^1].RecentDailyAverage.ShouldBe(7m);
    }

    [Fact]
    public void Compute_NoEarlierDose_HasNoLineToCross()
    {
        var context = Context([.. Daily(NewYorkDays, Today.PlusDays(1), 3, new LocalTime(12, 0), t => Kratom(t, 4m))]);
        var series = ToleranceHistory.Compute(context, GuardrailSettings.Defaults, ProductKind.Kratom, Today.PlusDays(-6), Today, Now);

        series.Days.Count(d => d.HasData).ShouldBe(3); // 23 to 25 November: before, no dose fell in the recent or baseline days
        series.Days.ShouldAllBe(d => d.RisingAt == null && !d.Rising && d.BaselineDays == 0);
        ToleranceHistory.Compute(context, GuardrailSettings.Defaults, ProductKind.Opioid, Today.PlusDays(-6), Today, Now).Days.ShouldAllBe(d => !d.HasData);
    }
}
