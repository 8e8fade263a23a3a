using Shouldly;
using Wane.Domain.CheckIns;

namespace Wane.Domain.Tests.CheckIns;

public class RedFlagsTests
{
    [Theory]
    [InlineData(RedFlag.SelfHarm, "988", "Call or text 988 now")]
    [InlineData(RedFlag.Seizure, "emergency", "Call 911 now")]
    [InlineData(RedFlag.Fainting, "emergency", "Call 911 now")]
    [InlineData(RedFlag.ChestPain, "emergency", "Call 911 now")]
    [InlineData(RedFlag.Breathing, "emergency", "Call 911 now")]
    [InlineData(RedFlag.Confusion, "emergency", "Call 911 now")]
    public void ResourcesFor_UrgentFlag_ItsResourceAtOnce(RedFlag flag, string id, string action)
    {
        var resource = RedFlags.ResourcesFor([flag]).ShouldHaveSingleItem();
        resource.Id.ShouldBe(id);
        resource.Action.ShouldBe(action);
        resource.Name.ShouldNotBeNullOrWhiteSpace();
        resource.Why.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void ResourcesFor_SelfHarm_The988Lifeline() =>
        RedFlags.ResourcesFor([RedFlag.SelfHarm]).ShouldHaveSingleItem().Name.ShouldBe("988 Suicide & Crisis Lifeline");

    [Fact]
    public void ResourcesFor_Liver_ClinicianPromptlyCitingLiverTox()
    {
        var resource = RedFlags.ResourcesFor([RedFlag.Liver]).ShouldHaveSingleItem();
        resource.Id.ShouldBe("clinician");
        resource.Name.ShouldBe("See a clinician promptly");
        resource.Why.ShouldContain("liver injury");
        resource.Why.ShouldContain("LiverTox");
        resource.Why.ShouldContain("1–8 weeks");
    }

    [Fact]
    public void ResourcesFor_EveryFlag_SurfacesAResource()
    {
        foreach (var flag in Enum.GetValues<RedFlag>())
        {
            RedFlags.ResourcesFor([flag]).ShouldNotBeEmpty(flag.ToString());
        }
    }

    [Fact]
    public void ResourcesFor_AllFlags_DistinctMostUrgentFirst() =>
        RedFlags.ResourcesFor([RedFlag.Liver, RedFlag.SelfHarm, RedFlag.Seizure, RedFlag.Breathing, RedFlag.ChestPain, RedFlag.Fainting])
            .Select(r => r.Id).ShouldBe(["emergency", "988", "clinician"]);

    [Fact]
    public void ResourcesFor_RepeatedFlags_OneResourceEach() =>
        RedFlags.ResourcesFor([RedFlag.Seizure, RedFlag.Fainting, RedFlag.Seizure]).Select(r => r.Id).ShouldBe(["emergency"]);

    [Fact]
    public void ResourcesFor_LiverAndSelfHarm_LifelineThenClinician() =>
        RedFlags.ResourcesFor([RedFlag.Liver, RedFlag.SelfHarm]).Select(r => r.Id).ShouldBe(["988", "clinician"]);

    [Fact]
    public void ResourcesFor_NoFlags_Empty() =>
        RedFlags.ResourcesFor([]).ShouldBeEmpty();

    [Theory]
    [InlineData(RedFlag.SelfHarm, "self-harm")]
    [InlineData(RedFlag.Seizure, "seizure")]
    [InlineData(RedFlag.Fainting, "fainting")]
    [InlineData(RedFlag.ChestPain, "chest-pain")]
    [InlineData(RedFlag.Breathing, "breathing")]
    [InlineData(RedFlag.Confusion, "confusion")]
    [InlineData(RedFlag.Liver, "liver")]
    public void WireName_RedFlag_IsTheContractName(RedFlag flag, string wire) =>
        WireName.Of(flag).ShouldBe(wire);

    [Fact]
    public void ResourcesFor_Confusion_EmergencyNamesConfusionAndSedation() =>
        RedFlags.ResourcesFor([RedFlag.Confusion]).ShouldHaveSingleItem().Why.ShouldContain("severe confusion or heavy sedation");
}
