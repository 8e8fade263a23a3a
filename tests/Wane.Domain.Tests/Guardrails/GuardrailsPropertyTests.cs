using System.Collections.Concurrent;
using CsCheck;
using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using static Wane.Domain.Tests.Guardrails.Scenarios;
using Engine = Wane.Domain.Guardrails.Guardrails;

namespace Wane.Domain.Tests.Guardrails;

public class GuardrailsPropertyTests
{
    private const int Iterations = 400;

    [Fact]
    public void Evaluate_DosesOlderThanTheWindowAdded_AdvisoriesUnchanged() =>
        Gen.Select(AnyScenario, AnySettings, Gen.Select(Gen.Long[1, 400L * 24 * 3600], AnyDose).Array[1, 40])
            .Sample((scenario, settings, old) =>
            {
                var (context, candidate) = scenario;
                var before = Engine.Evaluate(context, settings, candidate, candidate.TakenAt);
                var edge = candidate.TakenAt - Engine.Window(settings);
                var extra = old.Select(o => o.Item2(edge - Duration.FromSeconds(o.Item1)));
                Engine.Evaluate(context.WithExtra(extra), settings, candidate, candidate.TakenAt).ShouldBe(before);
            }, iter: Iterations);

    [Fact]
    public void Evaluate_DosesAtOrAfterTheCandidateAdded_AdvisoriesUnchanged() =>
        Gen.Select(AnyScenario, AnySettings, Gen.Select(Gen.Long[0, 30L * 24 * 3600], AnyDose).Array[1, 40])
            .Sample((scenario, settings, later) =>
            {
                var (context, candidate) = scenario;
                var before = Engine.Evaluate(context, settings, candidate, candidate.TakenAt);
                var extra = later.Select(o => o.Item2(candidate.TakenAt + Duration.FromSeconds(o.Item1)));
                Engine.Evaluate(context.WithExtra(extra), settings, candidate, candidate.TakenAt).ShouldBe(before);
            }, iter: Iterations);

    [Fact]
    public void Evaluate_AnyJournal_EveryAdvisoryNamesItsRuleLevelAndSource() =>
        Gen.Select(AnyScenario, AnySettings)
            .Sample((scenario, settings) =>
            {
                var (context, candidate) = scenario;
                var advisories = Engine.Evaluate(context, settings, candidate, candidate.TakenAt);
                foreach (var a in advisories)
                {
                    var rule = Engine.Find(a.Rule).ShouldNotBeNull();
                    settings[a.Rule].Enabled.ShouldBeTrue();
                    Enum.IsDefined(a.Level).ShouldBeTrue();
                    a.Source.ShouldNotBeNull().Citation.ShouldNotBeNullOrWhiteSpace();
                    a.Source.ShouldBe(rule.Definition.Source);
                    a.Title.ShouldNotBeNullOrWhiteSpace();
                    a.Message.ShouldNotBeNullOrWhiteSpace();
                    a.Why.ShouldNotBeNullOrWhiteSpace();
                }
                advisories.Select(a => a.Level).ShouldBe(advisories.Select(a => a.Level).OrderByDescending(l => l));
            }, iter: Iterations);

    [Fact]
    public void Evaluate_EveryRuleDisabled_NoAdvisories()
    {
        var off = GuardrailSettings.From(Engine.Rules.ToDictionary(r => r.Definition.Id, _ => new RuleSettingDraft(false, null))).Settings.ShouldNotBeNull();
        AnyScenario.Sample(scenario =>
        {
            var (context, candidate) = scenario;
            Engine.Evaluate(context, off, candidate, candidate.TakenAt).ShouldBeEmpty();
        }, iter: Iterations);
    }

    [Fact]
    public void AnyScenario_WithDefaults_ReachesEveryRule()
    {
        // Guards the generators: a property that no advisory ever reaches proves nothing about it.
        var seen = new ConcurrentDictionary<string, bool>();
        AnyScenario.Sample(scenario =>
        {
            var (context, candidate) = scenario;
            foreach (var a in Engine.Evaluate(context, GuardrailSettings.Defaults, candidate, candidate.TakenAt))
            {
                seen[a.Rule + ":" + a.Title] = true;
            }
        }, iter: 4000);
        foreach (var rule in Engine.Rules)
        {
            seen.Keys.ShouldContain(k => k.StartsWith(rule.Definition.Id + ":", StringComparison.Ordinal), rule.Definition.Id);
        }
        seen.Keys.ShouldContain(k => k.StartsWith("R3:No kratom-free day", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_DosesOutsideTheStandingWindowAdded_ReportUnchanged() =>
        Gen.Select(AnyScenario, AnySettings, Gen.Select(Gen.Long[1, 400L * 24 * 3600], AnyDose).Array[1, 20], Gen.Select(Gen.Long[1, 30L * 24 * 3600], AnyDose).Array[1, 20])
            .Sample((scenario, settings, old, later) =>
            {
                var (context, candidate) = scenario;
                var now = candidate.TakenAt;
                var before = Standing.Compute(context, settings, now);
                var edge = now - (Standing.NeedsFullLookBack(context, settings, now) ? Standing.FullLookBack(settings) : Standing.LookBack(settings));
                var extra = old.Select(o => o.Item2(edge - Duration.FromSeconds(o.Item1)))
                    .Concat(later.Select(o => o.Item2(now + Duration.FromSeconds(o.Item1))));
                var after = Standing.Compute(context.WithExtra(extra), settings, now);
                after.ShouldBe(before with { ToleranceTrends = after.ToleranceTrends, Advisories = after.Advisories, WearOffs = after.WearOffs });
                after.ToleranceTrends.ShouldBe(before.ToleranceTrends);
                after.Advisories.ShouldBe(before.Advisories);
                after.WearOffs.ShouldBe(before.WearOffs);
            }, iter: Iterations);
}
