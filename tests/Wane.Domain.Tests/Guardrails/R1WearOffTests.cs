using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using static Wane.Domain.Tests.Guardrails.Doses;

namespace Wane.Domain.Tests.Guardrails;

public class R1WearOffTests
{
    public static TheoryData<int, int, bool> Boundaries => new()
    {
        { 13, 59, true },   // one minute before the 6 h interval
        { 14, 0, false },   // exactly at the interval
        { 14, 1, false },
        { 8, 1, true },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Evaluate_SecondKratomDoseAroundWearOff_WarnsR1OnlyInside(int hour, int minute, bool warns)
    {
        var context = Context(Kratom(Ny(2026, 11, 25, 8, 0)));
        var advisories = Evaluate(context, Kratom(Ny(2026, 11, 25, hour, minute))).Of("R1");
        advisories.Count.ShouldBe(warns ? 1 : 0);
    }

    [Fact]
    public void Evaluate_SecondKratomDoseInsideWearOff_WarnsR1WithTimes()
    {
        var context = Context(Kratom(Ny(2026, 11, 25, 8, 0)));
        var advisory = Evaluate(context, Kratom(Ny(2026, 11, 25, 11, 30))).Of("R1").ShouldHaveSingleItem();
        advisory.Level.ShouldBe(AdvisoryLevel.Caution);
        advisory.Message.ShouldContain("08:00");
        advisory.Message.ShouldContain("3 h 30 min");
        advisory.Message.ShouldContain("wears off at 14:00");
        advisory.Source.ShouldBe(RuleSources.Duration);
        advisory.Suggestion.ShouldNotBeNull().ShouldContain("14:00");
    }

    [Fact]
    public void Evaluate_BothOneThirtiesOnFallBack_AreOneHourApartAndWarnR1()
    {
        // 2026-11-01 in New York: 01:30 EDT (05:30Z) and 01:30 EST (06:30Z) read the same on the clock.
        var context = Context(Kratom(Instant.FromUtc(2026, 11, 1, 5, 30)));
        var advisory = Evaluate(context, Kratom(Instant.FromUtc(2026, 11, 1, 6, 30))).Of("R1").ShouldHaveSingleItem();
        advisory.Message.ShouldContain("at 01:30, 1 h before");
        advisory.Message.ShouldContain("wears off at 06:30"); // 11:30Z is 06:30 EST
    }

    [Fact]
    public void Evaluate_AcrossSpringForward_UsesRealElapsedTime()
    {
        // 2026-03-08: 01:30 EST (06:30Z) to 07:45 EDT (11:45Z) is 6 h 15 min on the clock but 5 h 15 min in real time.
        var context = Context(Kratom(Instant.FromUtc(2026, 3, 8, 6, 30)));
        var advisory = Evaluate(context, Kratom(Instant.FromUtc(2026, 3, 8, 11, 45))).Of("R1").ShouldHaveSingleItem();
        advisory.Message.ShouldContain("5 h 15 min");
        advisory.Message.ShouldContain("wears off at 08:30");
    }

    [Fact]
    public void Evaluate_AcrossSpringForward_SixRealHoursApart_IsQuiet()
    {
        // 01:00 EST (06:00Z) to 08:00 EDT (12:00Z): seven hours on the clock, six in real time.
        var context = Context(Kratom(Instant.FromUtc(2026, 3, 8, 6, 0)));
        Evaluate(context, Kratom(Instant.FromUtc(2026, 3, 8, 12, 0))).Of("R1").ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_OpioidCandidate_IsQuiet()
    {
        var context = Context(Kratom(Ny(2026, 11, 25, 8, 0)), Opioid(Ny(2026, 11, 25, 9, 0)));
        Evaluate(context, Opioid(Ny(2026, 11, 25, 10, 0)) with { Reason = DoseReason.Pain, PainBefore = 1 }).Of("R1").ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_OpioidBetweenKratomDoses_ComparesWithTheLastKratomDose()
    {
        var context = Context(Kratom(Ny(2026, 11, 25, 8, 0)), Opioid(Ny(2026, 11, 25, 12, 0)));
        Evaluate(context, Kratom(Ny(2026, 11, 25, 13, 0))).Of("R1").ShouldHaveSingleItem().Message.ShouldContain("08:00");
    }

    [Fact]
    public void Evaluate_ShorterIntervalSetting_MovesTheBoundary()
    {
        var context = Context(Kratom(Ny(2026, 11, 25, 8, 0)));
        var candidate = Kratom(Ny(2026, 11, 25, 13, 0));
        Evaluate(context, candidate).Of("R1").ShouldHaveSingleItem();
        Evaluate(context, candidate, With("R1.interval=5h")).Of("R1").ShouldBeEmpty();
        Evaluate(context, Kratom(Ny(2026, 11, 25, 12, 59)), With("R1.interval=5h")).Of("R1").ShouldHaveSingleItem();
    }

    [Fact]
    public void Evaluate_PreviousDoseOnAnotherDate_ShowsItsDate()
    {
        var context = Context(Kratom(Ny(2026, 11, 24, 22, 0)));
        Evaluate(context, Kratom(Ny(2026, 11, 25, 1, 0))).Of("R1").ShouldHaveSingleItem().Message.ShouldContain("2026-11-24 22:00");
    }

    public static TheoryData<DoseReason?, int?, bool> Pain => new()
    {
        { DoseReason.Pain, 3, true },   // at the threshold
        { DoseReason.Pain, 0, true },
        { DoseReason.Pain, 4, false },  // above it
        { DoseReason.Pain, null, false },
        { DoseReason.Withdrawal, 1, false },
        { null, 1, false },
    };

    [Theory]
    [MemberData(nameof(Pain))]
    public void Evaluate_DoseForPain_InformsAtOrBelowThreshold(DoseReason? reason, int? pain, bool informs)
    {
        var advisories = Evaluate(Context(), Kratom(Ny(2026, 11, 25, 8, 0)) with { Reason = reason, PainBefore = pain }).Of("R1");
        if (informs)
        {
            var a = advisories.ShouldHaveSingleItem();
            a.Level.ShouldBe(AdvisoryLevel.Info);
            a.Message.ShouldContain($"{pain}/10");
        }
        else
        {
            advisories.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Evaluate_PainThresholdSetting_MovesTheBoundary() =>
        Evaluate(Context(), Kratom(Ny(2026, 11, 25, 8, 0)) with { Reason = DoseReason.Pain, PainBefore = 4 }, With("R1.painThreshold=4"))
            .Of("R1").ShouldHaveSingleItem().Level.ShouldBe(AdvisoryLevel.Info);
}
