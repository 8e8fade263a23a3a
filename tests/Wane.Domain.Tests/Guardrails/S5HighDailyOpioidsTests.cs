using CsCheck;
using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using static Wane.Domain.Tests.Guardrails.Doses;
using static Wane.Domain.Tests.Guardrails.Scenarios;
using Engine = Wane.Domain.Guardrails.Guardrails;

namespace Wane.Domain.Tests.Guardrails;

public class S5HighDailyOpioidsTests
{
    private static readonly Instant Candidate = Ny(2026, 11, 25, 20, 0);

    public static TheoryData<DoseFact[], decimal, bool> Days => new()
    {
        { [], 1500m, true },                                                   // a first dose of 1,500 MME
        { [], 50m, true },                                                     // exactly the threshold
        { [], 49.99m, false },
        { [Opioid(Ny(2026, 11, 25, 8, 0), mme: 30m)], 20m, true },             // 30 + 20 earlier today
        { [Opioid(Ny(2026, 11, 25, 8, 0), mme: 30m)], 19m, false },
        { [Opioid(Ny(2026, 11, 24, 21, 0), mme: 45m)], 10m, false },           // yesterday's does not count
        { [Opioid(Ny(2026, 11, 25, 8, 0), OpioidName.Morphine, mme: 25m, product: 11), Opioid(Ny(2026, 11, 25, 12, 0), mme: 20m)], 5m, true }, // any opioid
        { [Kratom(Ny(2026, 11, 25, 8, 0), 40m), Other(Ny(2026, 11, 25, 9, 0), OtherClass.Alcohol, 40m)], 20m, false }, // kratom and mg never count
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void Evaluate_DayTotalAgainstFifty_CautionWithNaloxone(DoseFact[] today, decimal mme, bool fires)
    {
        var advisories = Evaluate(Context(today), Opioid(Candidate, mme: mme)).Of("S5");
        advisories.Count.ShouldBe(fires ? 1 : 0);
        if (fires)
        {
            var a = advisories[0];
            a.Level.ShouldBe(AdvisoryLevel.Caution);
            a.Title.ShouldBe("50 MME or more today");
            a.Message.ShouldStartWith("With this dose your opioid total today is ");
            a.Message.ShouldContain("not a way to convert one opioid to another");
            a.Why.ShouldBe("CDC 2022 advises extra precautions when opioids reach 50 MME a day or more, including having naloxone.");
            a.Suggestion.ShouldNotBeNull().ShouldContain("naloxone");
            a.Resources.ShouldBe(AdvisoryResources.Emergency | AdvisoryResources.Naloxone);
            a.Source.Url.ShouldBe(Wane.Domain.Source.Cdc2022.Url);
        }
    }

    [Fact]
    public void Evaluate_FirstDoseOf1500Mme_SaysTheTotal() =>
        Evaluate(Context(), Opioid(Candidate, mme: 1500m)).Of("S5").ShouldHaveSingleItem().Message
            .ShouldStartWith("With this dose your opioid total today is 1500 MME, at or above 50 MME a day.");

    [Fact]
    public void Evaluate_DayStartHourFour_EarlyDoseBelongsToYesterday()
    {
        var days = new Wane.Domain.Time.LocalDays(NewYork, 4);
        var context = Context(days, Opioid(Ny(2026, 11, 25, 3, 0), mme: 40m));
        Engine.Evaluate(context, GuardrailSettings.Defaults, Opioid(Ny(2026, 11, 25, 9, 0), mme: 20m), Candidate).Of("S5").ShouldBeEmpty();
        Evaluate(Context(Opioid(Ny(2026, 11, 25, 3, 0), mme: 40m)), Opioid(Ny(2026, 11, 25, 9, 0), mme: 20m)).Of("S5").ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("S5.mme=90", 80, false)]
    [InlineData("S5.mme=90", 90, true)]
    [InlineData("S5.enabled=false", 1500, false)]
    public void Evaluate_Settings_MoveOrTurnOffTheThreshold(string setting, int mme, bool fires)
    {
        var advisories = Evaluate(Context(), Opioid(Candidate, mme: mme), With(setting)).Of("S5");
        advisories.Count.ShouldBe(fires ? 1 : 0);
        if (fires)
        {
            advisories[0].Title.ShouldBe("90 MME or more today");
        }
    }

    [Fact]
    public void Evaluate_AnyJournal_FiresExactlyWhenTheLocalDaysOpioidTotalReachesTheThreshold() =>
        Gen.Select(AnyScenario, Gen.Int[1, 200])
            .Sample((scenario, threshold) =>
            {
                var (context, candidate) = scenario;
                var settings = With($"S5.mme={threshold}");
                var fired = Engine.Evaluate(context, settings, candidate, candidate.TakenAt).Any(a => a.Rule == "S5");
                // The same total, counted the plain way over the whole history.
                var day = context.Days.DayOf(candidate.TakenAt);
                var total = context.History.Append(candidate)
                    .Where(d => d.TakenAt <= candidate.TakenAt && (d.TakenAt < candidate.TakenAt || d == candidate) && context.Days.DayOf(d.TakenAt) == day)
                    .Where(d => d.Kind == ProductKind.Opioid && d.Normalized is { Unit: NormalUnit.Mme })
                    .Sum(d => d.Normalized!.Value.Amount);
                fired.ShouldBe(candidate.Kind == ProductKind.Opioid && candidate.Normalized is { Unit: NormalUnit.Mme } && total >= threshold);
            }, iter: 400);
}
