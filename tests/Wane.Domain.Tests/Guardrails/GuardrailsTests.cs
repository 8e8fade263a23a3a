using System.Globalization;
using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using static Wane.Domain.Tests.Guardrails.Doses;
using Engine = Wane.Domain.Guardrails.Guardrails;

namespace Wane.Domain.Tests.Guardrails;

public class GuardrailsTests
{
    private static readonly Instant Candidate = Ny(2026, 11, 25, 20, 0);

    [Fact]
    public void Evaluate_SeveralRulesFire_MostSeriousFirst()
    {
        var context = Context(Other(Candidate - Duration.FromHours(2), OtherClass.Alcohol), Kratom(Candidate - Duration.FromHours(1), 3m, product: 1));
        var advisories = Evaluate(context, Kratom(Candidate, 3m, product: 1) with { Concentrated7OH = true, Meal = MealTiming.AfterLarge });
        advisories.Select(a => a.Rule).ShouldBe(["S1", "S4", "R1", "R5"]);
        advisories.Select(a => a.Level).ShouldBe([AdvisoryLevel.Danger, AdvisoryLevel.Danger, AdvisoryLevel.Caution, AdvisoryLevel.Info]);
    }

    [Fact]
    public void Evaluate_ModestDoseWithNothingNearby_NoAdvisories() =>
        Evaluate(Context(Kratom(Candidate - Duration.FromDays(1), 3m)), Kratom(Candidate, 3m)).ShouldBeEmpty();

    [Fact]
    public void Evaluate_DisabledRule_IsSkipped()
    {
        var context = Context(Kratom(Candidate - Duration.FromHours(1)));
        Evaluate(context, Kratom(Candidate)).Of("R1").ShouldHaveSingleItem();
        Evaluate(context, Kratom(Candidate), With("R1.enabled=false")).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_HostPassesLaterDoses_JudgesTheBackfilledDoseAsItWas()
    {
        // An opioid logged after the backfilled kratom dose did not exist yet when the kratom was taken.
        var context = Context(Opioid(Candidate + Duration.FromHours(1), OpioidName.Oxycodone));
        Evaluate(context, Kratom(Candidate)).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_UnderACommaDecimalCulture_StillWritesDecimalPoints()
    {
        // "0,5" against "0.5" in a dose is a real hazard: messages never follow the ambient culture.
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var context = Context(Kratom(Candidate - Duration.FromDays(1), 2.5m));
            var advisory = Evaluate(context, Kratom(Candidate, 3.5m)).Of("R4").ShouldHaveSingleItem();
            advisory.Message.ShouldBe("This 3.5 g is more than 25% above your largest kratom dose of the last 14 days (2.5 g).");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Rules_Ids_AreTheMethodsAndSafetyRulesInOrder() =>
        Engine.Rules.Select(r => r.Definition.Id).ShouldBe(["R1", "R2", "R3", "R4", "R5", "S1", "S2", "S3", "S4", "S5"]);

    [Fact]
    public void Rules_Definitions_EachHaveASourceAndValidDefaults()
    {
        foreach (var rule in Engine.Rules)
        {
            rule.Definition.Source.Citation.ShouldNotBeNullOrWhiteSpace();
            foreach (var p in rule.Definition.Parameters)
            {
                p.Default.ShouldBeInRange(p.Min, p.Max);
            }
        }
    }
}
