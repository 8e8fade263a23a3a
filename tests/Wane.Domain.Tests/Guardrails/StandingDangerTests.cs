using CsCheck;
using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using static Wane.Domain.Tests.Guardrails.Doses;
using static Wane.Domain.Tests.Guardrails.Scenarios;

namespace Wane.Domain.Tests.Guardrails;

/// <summary>Dangers stand on Today until their window has passed: S1 combinations, S3 lost tolerance, S5 today's opioid total.</summary>
public class StandingDangerTests
{
    private static readonly Instant Kratom8 = Ny(2026, 11, 25, 8, 0);
    private static readonly Instant Oxy10 = Ny(2026, 11, 25, 10, 0);

    private static StandingReport At(Instant now, GuardrailSettings? settings, params DoseFact[] history) =>
        Standing.Compute(Context(history), settings ?? GuardrailSettings.Defaults, now);

    private static StandingReport At(Instant now, params DoseFact[] history) => At(now, null, history);

    [Theory]
    [InlineData(10, 0, true)]   // just logged
    [InlineData(15, 0, true)]
    [InlineData(19, 59, true)]  // a minute before the kratom leaves its 12 h window
    [InlineData(20, 0, false)]  // 12 h after the kratom: the oxycodone alone is no combination
    public void Compute_OpioidWithin12hOfKratom_DangerStandsUntilTheWindowPasses(int hour, int minute, bool stands)
    {
        var report = At(Ny(2026, 11, 25, hour, minute), Kratom(Kratom8, 4m), Opioid(Oxy10, mme: 15m));
        var s1 = report.Advisories.Of("S1");
        s1.Count.ShouldBe(stands ? 1 : 0);
        if (stands)
        {
            var a = s1[0];
            a.Level.ShouldBe(AdvisoryLevel.Danger);
            a.Message.ShouldBe("You took oxycodone at 10:00 and kratom at 08:00, within 12 h of each other. Together they still count as combined until 20:00.");
            a.Suggestion.ShouldNotBeNull().ShouldContain("naloxone");
            a.Suggestion.ShouldNotBeNull().ShouldContain("call emergency services");
            a.Resources.ShouldBe(AdvisoryResources.Emergency | AdvisoryResources.Naloxone);
            report.Advisories[0].ShouldBe(a); // a danger comes first
        }
    }

    [Fact]
    public void Compute_ThreeDepressants_StandsUntilTheLastCombinationEnds()
    {
        // Alcohol at 07:00, kratom at 08:00, oxycodone at 10:00: alcohol leaves at 19:00, kratom at 20:00.
        var report = At(Ny(2026, 11, 25, 19, 30), Other(Ny(2026, 11, 25, 7, 0), OtherClass.Alcohol), Kratom(Kratom8), Opioid(Oxy10));
        report.Advisories.Of("S1").ShouldHaveSingleItem().Message.ShouldBe(
            "You took oxycodone at 10:00 and kratom at 08:00, within 12 h of each other. Together they still count as combined until 20:00.");
        At(Ny(2026, 11, 25, 12, 0), Other(Ny(2026, 11, 25, 7, 0), OtherClass.Alcohol), Kratom(Kratom8), Opioid(Oxy10))
            .Advisories.Of("S1").ShouldHaveSingleItem().Message.ShouldBe(
                "You took oxycodone at 10:00, kratom at 08:00 and alcohol at 07:00, within 12 h of each other. Together they still count as combined until 20:00.");
    }

    [Theory]
    [InlineData(OtherClass.Alcohol, OtherClass.Benzodiazepine)] // neither is kratom nor an opioid, as on the dose
    [InlineData(OtherClass.Stimulant, OtherClass.Cannabis)]
    public void Compute_CombinationWithoutKratomOrOpioid_NothingStands(OtherClass first, OtherClass second) =>
        At(Oxy10, Other(Kratom8, first), Other(Kratom8 + Duration.FromHours(1), second)).Advisories.Of("S1").ShouldBeEmpty();

    [Fact]
    public void Compute_SameSubstanceTwice_NoCombination() =>
        At(Oxy10, Kratom(Kratom8), Kratom(Kratom8 + Duration.FromHours(1))).Advisories.Of("S1").ShouldBeEmpty();

    [Fact]
    public void Compute_S1SettingsApply()
    {
        At(Ny(2026, 11, 25, 15, 0), With("S1.hours=6"), Kratom(Kratom8), Opioid(Oxy10)).Advisories.Of("S1").ShouldBeEmpty(); // kratom left at 14:00
        At(Ny(2026, 11, 25, 13, 0), With("S1.hours=6"), Kratom(Kratom8), Opioid(Oxy10)).Advisories.Of("S1").ShouldHaveSingleItem().Message.ShouldEndWith("until 14:00.");
        At(Oxy10, With("S1.enabled=false"), Kratom(Kratom8), Opioid(Oxy10)).Advisories.Of("S1").ShouldBeEmpty();
    }

    [Fact]
    public void Compute_TramadolInTheCombination_SaysSeizures() =>
        At(Oxy10, Kratom(Kratom8), Opioid(Oxy10, OpioidName.Tramadol)).Advisories.Of("S1").ShouldHaveSingleItem().Message.ShouldEndWith("Tramadol also lowers the seizure threshold.");

    /// <summary>30 MME a day for four weeks up to 2026-11-19, then nothing until a 30 MME dose at 10:00 on 2026-11-25.</summary>
    private static DoseFact[] OpioidsAfterAPause(decimal mme = 30m) =>
        [.. Daily(NewYorkDays, new LocalDate(2026, 11, 20), 28, new LocalTime(9, 0), t => Opioid(t, mme: 30m)), Opioid(Oxy10, mme: mme)];

    [Theory]
    [InlineData(10, 0, true)]
    [InlineData(33, 59, true)]  // 2026-11-26 09:59, a minute before 24 h after the dose
    [InlineData(34, 0, false)]
    public void Compute_OpioidAtFormerAmountAfterAPause_LostToleranceStands24h(int hoursAfterMidnight, int minute, bool stands)
    {
        var now = Ny(2026, 11, 25, 0, 0) + Duration.FromHours(hoursAfterMidnight) + Duration.FromMinutes(minute);
        var s3 = At(now, OpioidsAfterAPause()).Advisories.Of("S3");
        s3.Count.ShouldBe(stands ? 1 : 0);
        if (stands)
        {
            s3[0].Level.ShouldBe(AdvisoryLevel.Danger);
            s3[0].Message.ShouldStartWith("Your opioid dose of 30 MME at ");
            s3[0].Message.ShouldContain("came 6 days 1 h after the one before it (2026-11-19 09:00). Before that your usual daily amount was 30 MME");
            s3[0].Message.ShouldContain("This warning stands until ");
            s3[0].Suggestion.ShouldNotBeNull().ShouldContain("naloxone");
            s3[0].Resources.ShouldBe(AdvisoryResources.Emergency | AdvisoryResources.Naloxone);
        }
    }

    [Fact]
    public void Compute_LaterDoseWithoutAPause_TheWarningStillStands()
    {
        var history = OpioidsAfterAPause().Append(Opioid(Oxy10 + Duration.FromHours(4), mme: 10m)).ToArray();
        At(Oxy10 + Duration.FromHours(5), history).Advisories.Of("S3").ShouldHaveSingleItem().Message.ShouldContain("at 10:00");
    }

    [Fact]
    public void Compute_DoseBelowTheFormerAmountOrS3Off_NoLostToleranceStanding()
    {
        At(Oxy10, OpioidsAfterAPause(mme: 20m)).Advisories.Of("S3").ShouldBeEmpty();
        At(Oxy10, With("S3.enabled=false"), OpioidsAfterAPause()).Advisories.Of("S3").ShouldBeEmpty();
        At(Oxy10 + Duration.FromHours(2), With("S3.standHours=1"), OpioidsAfterAPause()).Advisories.Of("S3").ShouldBeEmpty();
    }

    [Fact]
    public void Compute_KratomAfterAPause_CautionStands() =>
        At(Oxy10, [.. Daily(NewYorkDays, new LocalDate(2026, 11, 20), 28, new LocalTime(9, 0), t => Kratom(t, 4m)), Kratom(Kratom8, 4m)])
            .Advisories.Of("S3").ShouldHaveSingleItem().Level.ShouldBe(AdvisoryLevel.Caution);

    [Fact]
    public void NeedsFullLookBack_OnlyWhenARecentDoseFollowsAPause()
    {
        var settings = GuardrailSettings.Defaults;
        Standing.NeedsFullLookBack(Context(OpioidsAfterAPause()), settings, Oxy10).ShouldBeTrue();
        Standing.NeedsFullLookBack(Context([.. Daily(NewYorkDays, new LocalDate(2026, 11, 26), 28, new LocalTime(9, 0), t => Opioid(t))]), settings, Oxy10).ShouldBeFalse();
        Standing.NeedsFullLookBack(Context(OpioidsAfterAPause()), With("S3.enabled=false"), Oxy10).ShouldBeFalse();
        Standing.NeedsFullLookBack(Context(), settings, Oxy10).ShouldBeFalse();
        Standing.FullLookBack(settings).ShouldBeGreaterThan(Standing.LookBack(settings));
    }

    [Theory]
    [InlineData(45, false)]
    [InlineData(50, true)]
    public void Compute_OpioidTotalToday_S5StandsUntilTheDayEnds(int mme, bool stands)
    {
        var s5 = At(Ny(2026, 11, 25, 23, 59), Opioid(Oxy10, mme: mme - 20m), Opioid(Oxy10 + Duration.FromHours(2), mme: 20m)).Advisories.Of("S5");
        s5.Count.ShouldBe(stands ? 1 : 0);
        if (stands)
        {
            s5[0].Message.ShouldStartWith("Your opioid total today is 50 MME, at or above 50 MME a day. This stands until your day ends (2026-11-26 00:00).");
            s5[0].Resources.HasFlag(AdvisoryResources.Naloxone).ShouldBeTrue();
        }
        At(Ny(2026, 11, 26, 0, 0), Opioid(Oxy10, mme: 1500m)).Advisories.Of("S5").ShouldBeEmpty(); // a new day
    }

    [Fact]
    public void Compute_WearOffs_EachSubstanceOfTheLastDayWithItsSourcedDurationOrNone()
    {
        var report = At(Ny(2026, 11, 25, 12, 0),
            Other(Ny(2026, 11, 24, 11, 0), OtherClass.Alcohol),      // more than a day ago
            Kratom(Kratom8 - Duration.FromHours(2)),
            Kratom(Kratom8),
            Opioid(Oxy10, OpioidName.Oxycodone),
            Other(Oxy10 + Duration.FromMinutes(30), OtherClass.Benzodiazepine));
        report.WearOffs.ShouldBe([
            new SubstanceWearOff("a benzodiazepine", ProductKind.Other, Oxy10 + Duration.FromMinutes(30), null, null),
            new SubstanceWearOff("oxycodone", ProductKind.Opioid, Oxy10, null, null),
            new SubstanceWearOff("kratom", ProductKind.Kratom, Kratom8, Kratom8 + Duration.FromHours(6), RuleSources.Duration),
        ]);
    }

    [Fact]
    public void Compute_WearOffOfAnUnnamedProduct_UsesItsName()
    {
        var context = Context(Opioid(Oxy10, null, product: 42)) with { Stock = [new(42, "Pharmacy tablets", null, true)] };
        Standing.Compute(context, GuardrailSettings.Defaults, Oxy10).WearOffs.ShouldHaveSingleItem().Substance.ShouldBe("Pharmacy tablets");
    }

    [Fact]
    public void Compute_AnyJournal_S1StandsExactlyWhenTwoDepressantsOneCoreAreInTheWindow() =>
        AnyScenario.Sample(scenario =>
        {
            var (context, candidate) = scenario;
            var now = candidate.TakenAt;
            var window = Duration.FromHours(12);
            var recent = context.History.Where(d => d.TakenAt <= now && now - d.TakenAt < window).ToArray();
            var keys = recent.Select(Key).Where(k => k is not null).Distinct().ToArray();
            var expected = keys.Length >= 2 && recent.Any(d => d.Kind is ProductKind.Kratom or ProductKind.Opioid);
            var s1 = Standing.Compute(context, GuardrailSettings.Defaults, now).Advisories.Of("S1");
            s1.Count.ShouldBe(expected ? 1 : 0);
            s1.ShouldAllBe(a => a.Level == AdvisoryLevel.Danger);
        }, iter: 400);

    private static string? Key(DoseFact d) => d.Kind switch
    {
        ProductKind.Kratom => "kratom",
        ProductKind.Opioid => d.Opioid is { } o ? o.ToString() : "product" + d.ProductId,
        _ => d.OtherClass is OtherClass.Alcohol or OtherClass.Benzodiazepine or OtherClass.Gabapentinoid ? d.OtherClass.ToString() : null,
    };
}
