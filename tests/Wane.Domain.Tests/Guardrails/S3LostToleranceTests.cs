using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using static Wane.Domain.Tests.Guardrails.Doses;

namespace Wane.Domain.Tests.Guardrails;

public class S3LostToleranceTests
{
    private static readonly LocalDate LastDay = new(2026, 11, 20);
    private static readonly Instant Last = Ny(2026, 11, 20, 10, 0);

    /// <summary>Twenty days up to and including <see cref="LastDay"/>, one dose a day at 10:00.</summary>
    private static DoseFact[] Former(Func<Instant, DoseFact> dose) =>
        [.. Daily(NewYorkDays, LastDay.PlusDays(1), 20, new LocalTime(10, 0), dose)];

    public static TheoryData<int, decimal, bool> Kratom3Days => new()
    {
        { 3 * 24 * 60, 5m, true },       // exactly 3 days later, the former 5 g a day
        { 3 * 24 * 60 - 1, 5m, false },  // one minute short of the pause
        { 3 * 24 * 60, 4.99m, false },   // below the former usual amount
        { 10 * 24 * 60, 8m, true },
    };

    [Theory]
    [MemberData(nameof(Kratom3Days))]
    public void Evaluate_KratomAfterAPause_CautionsAtTheFormerAmount(int minutesAfter, decimal grams, bool cautions)
    {
        var advisories = Evaluate(Context(Former(t => Kratom(t, 5m))), Kratom(Last + Duration.FromMinutes(minutesAfter), grams)).Of("S3");
        advisories.Count.ShouldBe(cautions ? 1 : 0);
        if (cautions)
        {
            advisories[0].Level.ShouldBe(AdvisoryLevel.Caution);
            advisories[0].Message.ShouldContain("usual daily amount was 5 g (the median of 20 days with use in the 28 days up to it)");
            advisories[0].Source.ShouldBe(RuleSources.LostTolerance);
        }
    }

    [Fact]
    public void Evaluate_OpioidAfterAPause_DangerWithNaloxone()
    {
        var advisory = Evaluate(Context(Former(t => Opioid(t, OpioidName.Oxycodone, 30m))), Opioid(Last + Duration.FromDays(5), OpioidName.Morphine, 30m))
            .Of("S3").ShouldHaveSingleItem();
        advisory.Level.ShouldBe(AdvisoryLevel.Danger);
        advisory.Message.ShouldStartWith("Your last opioid dose was 5 days before this one (2026-11-20 10:00).");
        advisory.Message.ShouldContain("30 MME");
        advisory.Suggestion.ShouldNotBeNull().ShouldContain("naloxone");
        advisory.Suggestion.ShouldNotBeNull().ShouldContain("29 Mar 2023");
        advisory.Suggestion.ShouldNotBeNull().ShouldContain("don't use alone");
        advisory.Suggestion.ShouldNotBeNull().ShouldContain("much lower");
    }

    [Fact]
    public void Evaluate_FormerAmountIsTheMedianOfDailyTotals()
    {
        // Two 3 g doses a day make 6 g a day: a 5 g dose is below it, a 6 g dose is not.
        var history = Former(t => Kratom(t, 3m)).Concat(Former(t => Kratom(t + Duration.FromHours(6), 3m))).ToArray();
        Evaluate(Context(history), Kratom(Last + Duration.FromDays(4), 5m)).Of("S3").ShouldBeEmpty();
        Evaluate(Context(history), Kratom(Last + Duration.FromDays(4), 6m)).Of("S3").ShouldHaveSingleItem();
    }

    [Fact]
    public void Evaluate_FormerAmount_OnlyFromThe28DaysUpToTheLastDose()
    {
        // Heavy days 30–40 days before the last dose are outside the 28 days and do not raise the former amount.
        var heavy = Daily(NewYorkDays, LastDay.PlusDays(-29), 10, new LocalTime(10, 0), t => Kratom(t, 20m));
        var history = heavy.Append(Kratom(Last - Duration.FromDays(1), 3m)).Append(Kratom(Last, 3m)).ToArray();
        Evaluate(Context(history), Kratom(Last + Duration.FromDays(4), 3m)).Of("S3").ShouldHaveSingleItem().Message.ShouldContain("(the median of 2 days with use");
    }

    [Fact]
    public void Evaluate_NoEarlierDose_IsQuiet() =>
        Evaluate(Context(Former(t => Kratom(t, 5m))), Opioid(Last + Duration.FromDays(5), mme: 500m)).Of("S3").ShouldBeEmpty();

    [Fact]
    public void Evaluate_LastDoseBeyondMemory_IsQuietUnlessMemoryIsLonger()
    {
        var history = Former(t => Kratom(t, 5m));
        var candidate = Kratom(Last + Duration.FromDays(121), 5m);
        Evaluate(Context(history), candidate).Of("S3").ShouldBeEmpty();
        Evaluate(Context(history), candidate, With("S3.memoryDays=150d")).Of("S3").ShouldHaveSingleItem().Message.ShouldContain("121 days before this one");
    }

    [Fact]
    public void Evaluate_AcrossFallBack_PauseIsRealElapsedTime()
    {
        // 10:00 EDT on 29 October (14:00Z) to 09:00 EST on 1 November (14:00Z): 71 h on the clock, 72 h in real time.
        var context = Context(Kratom(Instant.FromUtc(2026, 10, 29, 14, 0), 5m));
        Evaluate(context, Kratom(Instant.FromUtc(2026, 11, 1, 14, 0), 5m)).Of("S3").ShouldHaveSingleItem();
        Evaluate(context, Kratom(Instant.FromUtc(2026, 11, 1, 13, 59), 5m)).Of("S3").ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_UncountedCandidate_IsQuiet() =>
        Evaluate(Context(Former(t => Kratom(t, 5m))), KratomTeaspoons(Last + Duration.FromDays(5), 4m)).Of("S3").ShouldBeEmpty();

    [Fact]
    public void Evaluate_OtherKind_IsQuiet() =>
        Evaluate(Context(Other(Last, OtherClass.Alcohol)), Other(Last + Duration.FromDays(5), OtherClass.Alcohol, 1000m)).Of("S3").ShouldBeEmpty();
}
