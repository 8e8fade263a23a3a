using Shouldly;
using Wane.Domain.Guardrails;
using static Wane.Domain.Tests.Guardrails.Doses;

namespace Wane.Domain.Tests.Guardrails;

public class S4HighRiskProductsTests
{
    [Fact]
    public void Evaluate_Concentrated7OH_AlwaysDanger()
    {
        var advisory = Evaluate(Context(), Kratom(Ny(2026, 11, 25, 8, 0), 0.1m) with { Concentrated7OH = true }).Of("S4").ShouldHaveSingleItem();
        advisory.Level.ShouldBe(AdvisoryLevel.Danger);
        advisory.Source.ShouldBe(RuleSources.SevenOh);
        advisory.Suggestion.ShouldNotBeNull();
    }

    [Fact]
    public void Evaluate_OrdinaryProduct_IsQuiet() =>
        Evaluate(Context(), Kratom(Ny(2026, 11, 25, 8, 0))).Of("S4").ShouldBeEmpty();
}
