using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using static Wane.Domain.Tests.Guardrails.Doses;

namespace Wane.Domain.Tests.Guardrails;

public class StandingTests
{
    private static readonly LocalDate Today = new(2026, 11, 25);
    private static readonly Instant Now = Ny(2026, 11, 25, 15, 0);

    private static StandingReport Compute(GuardrailContext context, GuardrailSettings? settings = null, Instant? now = null) =>
        Standing.Compute(context, settings ?? GuardrailSettings.Defaults, now ?? Now);

    /// <summary>One kratom dose a day at noon on each of the <paramref name="count"/> days before today.</summary>
    private static DoseFact[] DailyKratom(int count, decimal grams = 3m) =>
        [.. Daily(NewYorkDays, Today, count, new LocalTime(12, 0), t => Kratom(t, grams))];

    [Fact]
    public void Compute_EmptyJournal_NothingStands()
    {
        var report = Compute(Context());
        report.ShouldBe(new StandingReport(null, null, null, Today.PlusDays(-1), 1, null, report.ToleranceTrends, report.Advisories, report.WearOffs));
        report.WearOffs.ShouldBeEmpty();
        report.ToleranceTrends.ShouldBeEmpty();
        report.Advisories.ShouldBeEmpty();
    }

    [Fact]
    public void Compute_RecentKratomDose_WearOffStillRunning()
    {
        var report = Compute(Context(Kratom(Ny(2026, 11, 25, 11, 0)), Opioid(Ny(2026, 11, 25, 14, 0))));
        report.LastKratomDose.ShouldBe(Ny(2026, 11, 25, 11, 0));
        report.WearsOffAt.ShouldBe(Ny(2026, 11, 25, 17, 0));
        var advisory = report.Advisories.Of("R1").ShouldHaveSingleItem();
        advisory.Level.ShouldBe(AdvisoryLevel.Info);
        advisory.Message.ShouldBe("Your last kratom dose at 11:00 wears off at 17:00 (6 h).");
        advisory.Source.ShouldBe(RuleSources.Duration);
    }

    [Theory]
    [InlineData(9, 1, true)]  // one minute before it wears off
    [InlineData(9, 0, false)] // exactly worn off
    public void Compute_WearOffBoundary_StandsOnlyBeforeIt(int hour, int minute, bool stands) =>
        Compute(Context(Kratom(Ny(2026, 11, 25, hour, minute)))).Advisories.Of("R1").Count.ShouldBe(stands ? 1 : 0);

    [Fact]
    public void Compute_DoseLoggedAtNow_CountsAsTaken() =>
        Compute(Context(Kratom(Now))).LastKratomDose.ShouldBe(Now);

    [Fact]
    public void Compute_R1Disabled_KeepsTheTimesButNoAdvisory()
    {
        var report = Compute(Context(Kratom(Ny(2026, 11, 25, 11, 0))), With("R1.enabled=false", "R1.interval=4h"));
        report.WearsOffAt.ShouldBe(Ny(2026, 11, 25, 15, 0));
        report.Advisories.ShouldBeEmpty();
    }

    [Fact]
    public void Compute_Stock_SuggestsTheLeastRecentlyUsedOtherStrain()
    {
        var context = Context(
            Kratom(Ny(2026, 11, 22, 9, 0), strain: "Green"),
            Kratom(Ny(2026, 11, 23, 9, 0), strain: "White"),
            Kratom(Ny(2026, 11, 24, 9, 0), strain: "Red"),
            Kratom(Ny(2026, 11, 25, 9, 0))) // no strain recorded: the last strain used is still Red
            with { Stock = [new(1, "Red Bali", "Red", true), new(2, "White Borneo", "White", true), new(3, "Green Malay", "Green", true)] };
        Compute(context).SuggestedStrain.ShouldBe("Green");
        Compute(context with { Stock = [new(1, "Red Bali", "Red", true)] }).SuggestedStrain.ShouldBeNull();
    }

    [Fact]
    public void Compute_KratomFreeDaySixDaysAgo_IsTheLastOne()
    {
        var report = Compute(Context(DailyKratom(5)));
        report.LastKratomFreeDay.ShouldBe(Today.PlusDays(-6));
        report.DaysSinceKratomFree.ShouldBe(6);
        report.Advisories.Of("R3").ShouldBeEmpty();
    }

    [Fact]
    public void Compute_KratomEveryDayAndToday_R3Stands()
    {
        var report = Compute(Context([.. DailyKratom(40), Kratom(Ny(2026, 11, 25, 9, 0))]));
        report.LastKratomFreeDay.ShouldBeNull();
        report.DaysSinceKratomFree.ShouldBeNull();
        var advisory = report.Advisories.Of("R3").ShouldHaveSingleItem();
        advisory.Level.ShouldBe(AdvisoryLevel.Caution);
        advisory.Message.ShouldContain("(2026-10-27 to 2026-11-25, counting today)");
    }

    [Fact]
    public void Compute_NoKratomYetToday_TodayMayStillBeFree()
    {
        var report = Compute(Context(DailyKratom(40)));
        report.Advisories.Of("R3").ShouldBeEmpty();
        report.LastKratomFreeDay.ShouldBeNull(); // none in the 30 days before today
    }

    [Fact]
    public void Compute_KratomEveryDayWithAPlan_R3OnlyInforms() =>
        Compute(Context([.. DailyKratom(40), Kratom(Ny(2026, 11, 25, 9, 0))]) with { HasActivePlan = true })
            .Advisories.Of("R3").ShouldHaveSingleItem().Level.ShouldBe(AdvisoryLevel.Info);

    [Fact]
    public void Compute_DayStartHourFour_EarlyDoseBelongsToYesterday()
    {
        // 02:00 today belongs to yesterday when days start at 04:00, so yesterday was not kratom-free.
        var days = new LocalDays(NewYork, 4);
        var report = Standing.Compute(Context(days, Kratom(Ny(2026, 11, 25, 2, 0))), GuardrailSettings.Defaults, Now);
        report.LastKratomFreeDay.ShouldBe(Today.PlusDays(-2));
        Compute(Context(Kratom(Ny(2026, 11, 25, 2, 0)))).LastKratomFreeDay.ShouldBe(Today.PlusDays(-1));
    }

    [Fact]
    public void Compute_Breaks_CurrentOrNextOne()
    {
        BreakPeriod past = new(Today.PlusDays(-10), Today.PlusDays(-8));
        BreakPeriod current = new(Today.PlusDays(-1), Today);
        BreakPeriod next = new(Today.PlusDays(3), Today.PlusDays(5));
        BreakPeriod later = new(Today.PlusDays(20), Today.PlusDays(22));
        Compute(Context() with { Breaks = [later, past, next] }).NextBreak.ShouldBe(next);
        Compute(Context() with { Breaks = [later, current, next] }).NextBreak.ShouldBe(current);
        Compute(Context() with { Breaks = [past] }).NextBreak.ShouldBeNull();
    }

    [Fact]
    public void Compute_RisingKratom_TrendAndS2Stand()
    {
        // 28 baseline days at 5 g, then the recent 7 days (today included, 6 g so far) at 6 g: +20%.
        var history = Daily(NewYorkDays, Today, 6, new LocalTime(12, 0), t => Kratom(t, 6m))
            .Concat(Daily(NewYorkDays, Today.PlusDays(-6), 28, new LocalTime(12, 0), t => Kratom(t, 5m)))
            .Append(Kratom(Ny(2026, 11, 25, 9, 0), 6m))
            .ToArray();
        var report = Compute(Context(history));
        report.ToleranceTrends.ShouldBe([new ToleranceTrend(ProductKind.Kratom, NormalUnit.Grams, 6m, 5m, 20m, true)]);
        report.Advisories.Of("S2").ShouldHaveSingleItem().Level.ShouldBe(AdvisoryLevel.Caution);
        report.Advisories[0].Level.ShouldBe(AdvisoryLevel.Caution); // most serious first
        Compute(Context(history), With("S2.enabled=false")).Advisories.Of("S2").ShouldBeEmpty();
    }

    [Fact]
    public void Compute_SteadyOpioids_TrendWithoutAdvisory()
    {
        var history = Daily(NewYorkDays, Today.PlusDays(1), 35, new LocalTime(8, 0), t => Opioid(t, mme: 30m)).ToArray();
        var report = Compute(Context(history));
        report.ToleranceTrends.ShouldBe([new ToleranceTrend(ProductKind.Opioid, NormalUnit.Mme, 30m, 30m, 0m, false)]);
        report.Advisories.Of("S2").ShouldBeEmpty();
    }

    [Fact]
    public void Compute_OnlyRecentData_TrendHasNoBaseline()
    {
        var report = Compute(Context(DailyKratom(3, 4m)));
        var trend = report.ToleranceTrends.ShouldHaveSingleItem();
        trend.BaselineDailyAverage.ShouldBe(0m);
        trend.PercentChange.ShouldBeNull();
        trend.Rising.ShouldBeFalse();
    }
}
