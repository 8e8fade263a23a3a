using NodaTime;
using Shouldly;
using Wane.Domain.Guardrails;
using Wane.Domain.Journal;
using Engine = Wane.Domain.Guardrails.Guardrails;

namespace Wane.Domain.Tests.Guardrails;

public class GuardrailSettingsTests
{
    [Theory]
    [InlineData("R1.interval=5h", "R1", "interval", 5)]
    [InlineData("R1.interval=5.5", "R1", "interval", 5.5)]
    [InlineData("r2.days = 10d", "R2", "days", 10)]
    [InlineData("R4.step=30%", "R4", "step", 30)]
    [InlineData("R4.opioidCap=90MME", "R4", "opioidCap", 90)]
    [InlineData("S3.memoryDays=365d", "S3", "memoryDays", 365)]
    public void Apply_ValidAssignment_ChangesOnlyThatValue(string assignment, string rule, string key, decimal expected)
    {
        var (settings, error) = GuardrailSettings.Defaults.Apply(assignment);
        error.ShouldBeNull();
        settings.ShouldNotBeNull()[rule][key].ShouldBe(expected);
        foreach (var (id, setting) in GuardrailSettings.Defaults.Rules)
        {
            if (id != rule)
            {
                settings[id].ShouldBe(setting);
            }
        }
    }

    [Fact]
    public void Apply_Enabled_TurnsARuleOffAndLeavesTheOriginalAlone()
    {
        var (settings, error) = GuardrailSettings.Defaults.Apply("R3.enabled=false");
        error.ShouldBeNull();
        settings.ShouldNotBeNull()["R3"].Enabled.ShouldBeFalse();
        GuardrailSettings.Defaults["R3"].Enabled.ShouldBeTrue();
    }

    [Theory]
    [InlineData("R1.interval=-1h", "R1.interval")]   // below the range
    [InlineData("R1.interval=25h", "R1.interval")]   // above it
    [InlineData("R2.days=0d", "R2.days")]
    [InlineData("R9.x=1", "R9")]                     // no such rule
    [InlineData("R1.nope=3", "R1.nope")]             // no such setting
    [InlineData("R1.interval=5d", "R1.interval")]    // the wrong unit
    [InlineData("R1.interval=5,5h", "R1.interval")]  // a decimal comma is never guessed at
    [InlineData("R3.enabled=maybe", "R3.enabled")]
    [InlineData("R1interval5", "R1interval5")]
    public void Apply_InvalidAssignment_FieldErrorNamesTheField(string assignment, string field)
    {
        var (settings, error) = GuardrailSettings.Defaults.Apply(assignment);
        settings.ShouldBeNull();
        error.ShouldNotBeNull().Field.ShouldBe(field);
        error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Apply_OutOfRange_SaysTheRange() =>
        GuardrailSettings.Defaults.Apply("R1.interval=-1h").Error.ShouldNotBeNull().Message.ShouldBe("R1.interval must be from 1 to 24 h.");

    [Fact]
    public void From_NoDrafts_AreTheDefaults()
    {
        var (settings, errors) = GuardrailSettings.From(null);
        errors.ShouldBeEmpty();
        foreach (var (id, setting) in GuardrailSettings.Defaults.Rules)
        {
            settings.ShouldNotBeNull()[id].ShouldBe(setting);
        }
        GuardrailSettings.Defaults["R1"]["interval"].ShouldBe(6m);
        GuardrailSettings.Defaults["S1"]["hours"].ShouldBe(12m);
    }

    [Fact]
    public void From_PartialDraft_KeepsOtherDefaults()
    {
        var (settings, errors) = GuardrailSettings.From(new Dictionary<string, RuleSettingDraft>
        {
            ["R1"] = new(null, new Dictionary<string, decimal> { ["interval"] = 5m }),
        });
        errors.ShouldBeEmpty();
        settings.ShouldNotBeNull()["R1"]["interval"].ShouldBe(5m);
        settings["R1"]["painThreshold"].ShouldBe(3m);
        settings["R1"].Enabled.ShouldBeTrue();
    }

    [Fact]
    public void From_BadDrafts_EveryErrorNamesItsField()
    {
        var (settings, errors) = GuardrailSettings.From(new Dictionary<string, RuleSettingDraft>
        {
            ["R1"] = new(true, new Dictionary<string, decimal> { ["interval"] = -1m, ["nope"] = 3m }),
            ["R2"] = new(true, new Dictionary<string, decimal> { ["days"] = 0m }),
            ["R9"] = new(true, null),
        });
        settings.ShouldBeNull();
        errors.Select(e => e.Field).ShouldBe(["R1.interval", "R1.nope", "R2.days", "R9"], ignoreOrder: true);
    }

    [Fact]
    public void Window_Defaults_IsS3MemoryPlusItsFormerDays() =>
        Engine.Window(GuardrailSettings.Defaults).ShouldBe(Duration.FromDays(120 + 28 + 1));

    [Fact]
    public void Window_LongerS3Memory_Grows() =>
        Engine.Window(Doses.With("S3.memoryDays=200d")).ShouldBe(Duration.FromDays(200 + 28 + 1));

    [Fact]
    public void Window_S3Disabled_ShrinksToTheNextLongestRule() =>
        Engine.Window(Doses.With("S3.enabled=false")).ShouldBe(Duration.FromDays(7 + 28 + 1)); // S2

    [Theory]
    [InlineData("S3", 7 + 28 + 1)] // S2 is next
    [InlineData("s3", 7 + 28 + 1)]
    [InlineData("S2", 120 + 28 + 1)]
    [InlineData("R9", 120 + 28 + 1)] // no such rule: nothing left out
    public void Window_ExceptARule_IsTheLongestOfTheOthers(string except, int days) =>
        Engine.Window(GuardrailSettings.Defaults, except).ShouldBe(Duration.FromDays(days));

    [Fact]
    public void Window_ExceptTheOnlyEnabledRule_IsZero() =>
        Engine.Window(Doses.With([.. Engine.Rules.Where(r => r.Definition.Id != "R1").Select(r => r.Definition.Id + ".enabled=false")]), "R1")
            .ShouldBe(Duration.Zero);

    [Fact]
    public void Window_EveryRuleDisabled_IsZero() =>
        Engine.Window(Doses.With([.. Engine.Rules.Select(r => r.Definition.Id + ".enabled=false")])).ShouldBe(Duration.Zero);

    [Theory]
    [InlineData("S3.pauseDays=3d", ProductKind.Kratom, 7 + 28 + 1)] // the others' 36 days cover a 3-day pause and 28 former days
    [InlineData("S3.pauseDays=7d", ProductKind.Kratom, 7 + 28 + 1)] // 7 + 28 + 1 = 36: still covered
    [InlineData("S3.pauseDays=8d", ProductKind.Opioid, 120 + 28 + 1)] // 37 days needed: the whole window
    [InlineData("S3.pauseDays=30d", ProductKind.Kratom, 120 + 28 + 1)]
    [InlineData("S3.pauseDays=30d", ProductKind.Other, 7 + 28 + 1)] // S3 does not judge other substances
    [InlineData("S3.enabled=false", ProductKind.Kratom, 7 + 28 + 1)]
    public void ShortWindow_IsTheOtherRulesWindowOnlyWhenItCoversThePauseAndFormerDays(string setting, ProductKind kind, int days) =>
        Engine.ShortWindow(Doses.With(setting), kind).ShouldBe(Duration.FromDays(days));

    [Theory]
    [InlineData("S3.pauseDays=3d", 3)]
    [InlineData("S3.pauseDays=12d", 12)]
    public void LostTolerancePause_IsTheSetting(string setting, int days) =>
        Engine.LostTolerancePause(Doses.With(setting)).ShouldBe(Duration.FromDays(days));
}
