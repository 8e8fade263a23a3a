using NodaTime;
using Shouldly;
using Wane.Domain.Tapering;
using static Wane.Domain.Tests.Tapering.Requests;

namespace Wane.Domain.Tests.Tapering;

public class TaperPlannerValidationTests
{
    public static TheoryData<string, PhaseRequest> BadPhases => new()
    {
        { "startAmount", Kratom(start: 0m) },
        { "startAmount", Kratom(start: -1m) },
        { "startAmount", Kratom(start: 200.5m) },
        { "startAmount", Kratom(start: 1.00001m) },
        { "startAmount", Opioid(start: 5001m) },
        { "startAmount", Opioid(start: 5001m, unit: PlanUnit.Milligrams) },
        { "pace.amount", Kratom(pace: new Pace(PaceKind.Linear)) },
        { "pace.amount", Kratom(pace: Linear(0m)) },
        { "pace.amount", Kratom(pace: Linear(-1m)) },
        { "pace.amount", Kratom(start: 10m, pace: Linear(10m)) },
        { "pace.amount", Kratom(start: 10m, pace: Linear(12m)) },
        { "pace.percent", Kratom(pace: new Pace(PaceKind.Percent)) },
        { "pace.percent", Kratom(pace: Percent(0m)) },
        { "pace.percent", Kratom(pace: Percent(-5m)) },
        { "pace.percent", Kratom(pace: Percent(100m)) },
        { "pace.amounts", Kratom(pace: new Pace(PaceKind.Steps)) },
        { "pace.amounts", Kratom(pace: Steps()) },
        { "pace.amounts", Kratom(pace: Steps(5m, -1m)) },
        { "pace.amounts", Kratom(start: 10m, pace: Steps(8m, 9m)) },
        { "pace.amounts", Kratom(start: 10m, pace: Steps(8m, 0m, 1m)) },
        { "pace.amounts", Kratom(start: 10m, pace: Steps(11m, 5m)) },
        { "pace.kind", Kratom(pace: new Pace((PaceKind)42)) },
        { "pace", Kratom(pace: null!) with { Pace = null! } },
        { "intervalDays", Kratom(interval: 0) },
        { "intervalDays", Kratom(interval: 366) },
        { "dosesPerDay", Kratom(doses: 0) },
        { "dosesPerDay", Kratom(doses: 13) },
        { "resolution", Kratom(resolution: 0m) },
        { "resolution", Kratom(resolution: -0.1m) },
        { "resolution", Kratom(start: 1m, resolution: 2m) },
        { "resolution", Kratom(start: 1m, resolution: 3m, splittable: true) },
        { "resolution", Kratom(resolution: 0.0001m) },
        { "resolution", Kratom(resolution: 0.0015m) },
        { "substance", Kratom() with { Substance = null } },
        { "substance", Kratom() with { Substance = "" } },
        { "substance", Kratom() with { Substance = "heroin" } },
        { "substance", Opioid("buprenorphine") },
        { "unit", Kratom() with { Unit = PlanUnit.Mme } },
        { "unit", Kratom() with { Unit = PlanUnit.Milligrams } },
        { "unit", Opioid(unit: PlanUnit.Grams) },
        { "unit", Opioid(unit: (PlanUnit)9) },
        { "unit", Opioid("fentanyl", unit: PlanUnit.Milligrams) },
        { "duration", Opioid(duration: (UseDuration)9) },
        { "startDate", Kratom(startDate: new LocalDate(9500, 1, 1)) },
        { "pace", Kratom(start: 10m, pace: Percent(0.1m), interval: 30) },
        { "pace", Kratom(start: 10m, pace: Linear(0.01m), interval: 2) },
        { "pace", Kratom(start: 10m, pace: Steps([.. Enumerable.Range(1, 200).Select(i => 10m - (i * 0.01m))]), interval: 7) },
    };

    [Theory]
    [MemberData(nameof(BadPhases))]
    public void Plan_BadPhase_RejectedNamingTheField(string field, PhaseRequest phase)
    {
        var errors = ErrorsOf(phase);
        errors.Select(e => e.Field).ShouldContain(field);
        errors.ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.Message));
    }

    [Theory]
    [MemberData(nameof(BadPhases))]
    public void Plan_BadSecondPhase_FieldIsPrefixed(string field, PhaseRequest phase) =>
        ErrorsOf(Kratom(), phase).Select(e => e.Field).ShouldContain("phases[1]." + field);

    [Fact]
    public void Plan_EveryProblem_ReportedAtOnce()
    {
        var bad = new PhaseRequest("heroin", 0m, PlanUnit.Grams, new Pace(PaceKind.Percent, Percent: 120m), 0, 0, 0m, false, Monday);
        var errors = ErrorsOf(new TaperRequest([bad], [new Hold(Monday.PlusDays(3), Monday)]));
        errors.Select(e => e.Field).ShouldBe(["substance", "startAmount", "intervalDays", "dosesPerDay", "resolution", "pace.percent", "holds[0].to"], ignoreOrder: true);
    }

    [Fact]
    public void Plan_NoPhases_Rejected()
    {
        ErrorsOf(new TaperRequest([])).Single().Field.ShouldBe("phases");
        ErrorsOf(new TaperRequest(null!)).Single().Field.ShouldBe("phases");
    }

    [Fact]
    public void Plan_NullPhase_Rejected() =>
        ErrorsOf(new TaperRequest([Kratom(), null!])).Select(e => e.Field).ShouldBe(["phases[1]"]);

    [Fact]
    public void Plan_LinearCutEqualToStart_SaysNotToStopAbruptly() =>
        ErrorsOf(Kratom(start: 10m, pace: Linear(10m))).Single().Message.ShouldContain("abruptly");

    [Fact]
    public void Plan_IncreasingSteps_SaysToUseAHold() =>
        ErrorsOf(Kratom(start: 10m, pace: Steps(8m, 9m))).Single().Message.ShouldContain("use a hold to slow down");

    [Fact]
    public void Plan_TooLong_SaysThreeYears() =>
        ErrorsOf(Kratom(start: 10m, pace: Percent(0.1m), interval: 30)).Single().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("pace"),
            e => e.Message.ShouldContain("longer than 3 years"));

    [Fact]
    public void Plan_LaterPhaseEndingBeyondThreeYears_RejectsItsStartDate()
    {
        var errors = ErrorsOf(Kratom(), Kratom(start: 4m, pace: Linear(1m), startDate: Monday.PlusYears(3)));
        errors.Select(e => e.Field).ShouldBe(["phases[1].startDate"]);
    }

    [Fact]
    public void Plan_StepsAmountsWithZeroLast_Accepted() =>
        PlanOf(Kratom(start: 3m, pace: Steps(2m, 1m, 0m))).Phases[0].Steps.Select(s => s.DailyTarget).ShouldBe([3m, 2m, 1m, 0m]);

    [Fact]
    public void Plan_ResolutionEqualToStart_Accepted() =>
        PlanOf(Opioid(start: 5m, unit: PlanUnit.Milligrams, pace: Steps(0m), resolution: 5m)).Phases[0].Steps.Count.ShouldBe(2);

    [Fact]
    public void Plan_HalfOfAScoredTabletMatchesStart_Accepted() =>
        PlanOf(Opioid(start: 5m, unit: PlanUnit.Milligrams, pace: Steps(0m), resolution: 10m, splittable: true)).Phases[0].Steps[0].DailyTarget.ShouldBe(5m);

    [Fact]
    public void Plan_StartAtTheKratomCeiling_Accepted() =>
        PlanOf(Kratom(start: 200m, pace: Percent(10m))).Phases.Count.ShouldBe(1); // 5% a week from 200 g to 0.1 g takes more than 3 years

    [Fact]
    public void Plan_StartAtTheOpioidCeiling_Accepted() =>
        PlanOf(Opioid(start: 5000m, resolution: 10m)).Phases.Count.ShouldBe(1);

    [Fact]
    public void Plan_HoldEndingBeforeItStarts_RejectsItsEnd() =>
        ErrorsOf(new TaperRequest([Kratom()], [new Hold(Monday.PlusDays(10), Monday.PlusDays(12)), new Hold(Monday.PlusDays(5), Monday.PlusDays(4))]))
            .Select(e => e.Field).ShouldBe(["holds[1].to"]);

    [Fact]
    public void Plan_HoldBeforeThePlanStarts_RejectsItsStart() =>
        ErrorsOf(new TaperRequest([Kratom()], [new Hold(Monday.PlusDays(-1), Monday.PlusDays(2))]))
            .Select(e => e.Field).ShouldBe(["holds[0].from"]);

    [Fact]
    public void Plan_HoldAfterThePlanEnds_RejectsItsStart()
    {
        var phase = Kratom(start: 4m, pace: Linear(1m)); // at zero from Monday + 28
        PlanOf(new TaperRequest([phase], [new Hold(Monday.PlusDays(27), Monday.PlusDays(27))])).End.ShouldBe(Monday.PlusDays(29));
        ErrorsOf(new TaperRequest([phase], [new Hold(Monday.PlusDays(28), Monday.PlusDays(30))])).Select(e => e.Field).ShouldBe(["holds[0].from"]);
    }

    [Fact]
    public void Plan_HoldAfterTheEndOfTheMovedPlan_IsReadOnTheMovedPlan()
    {
        var phase = Kratom(start: 4m, pace: Linear(1m)); // at zero from Monday + 28; a 10-day hold moves that to + 38
        PlanOf(new TaperRequest([phase], [new Hold(Monday, Monday.PlusDays(9)), new Hold(Monday.PlusDays(35), Monday.PlusDays(35))]))
            .End.ShouldBe(Monday.PlusDays(39));
    }

    [Fact]
    public void Plan_HoldPushingPastThreeYears_RejectsItsEnd() =>
        ErrorsOf(new TaperRequest([Kratom(start: 4m, pace: Linear(1m))], [new Hold(Monday.PlusDays(1), Monday.PlusYears(3))]))
            .Select(e => e.Field).ShouldBe(["holds[0].to"]);

    [Fact]
    public void Plan_HoldReachingTheEndOfTheCalendar_RejectedWithoutThrowing() =>
        ErrorsOf(new TaperRequest([Kratom()], [new Hold(Monday.PlusDays(1), LocalDate.MaxIsoValue)]))
            .Select(e => e.Field).ShouldBe(["holds[0].to"]);

    [Fact]
    public void Plan_TwoHoldsReachingTheEndOfTheCalendar_RejectedWithoutThrowing() =>
        ErrorsOf(new TaperRequest([Kratom()], [new Hold(Monday.PlusDays(1), LocalDate.MaxIsoValue), new Hold(LocalDate.MaxIsoValue, LocalDate.MaxIsoValue)]))
            .Select(e => e.Field).ShouldBe(["holds[0].to", "holds[1].to"]);

    [Fact]
    public void Plan_OnlyPhaseNull_RejectsPhases() =>
        ErrorsOf(new TaperRequest([null!])).Select(e => e.Field).ShouldBe(["phases"]);

    [Fact]
    public void Plan_HoldWhilePhasesAreInvalid_StillChecksTheHoldItself() =>
        ErrorsOf(new TaperRequest([Kratom(start: 0m)], [new Hold(Monday, Monday.PlusDays(-1))]))
            .Select(e => e.Field).ShouldBe(["startAmount", "holds[0].to"]);
}
