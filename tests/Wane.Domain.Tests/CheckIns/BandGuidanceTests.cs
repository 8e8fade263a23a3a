using System.Text.RegularExpressions;
using Shouldly;
using Wane.Domain.CheckIns;

namespace Wane.Domain.Tests.CheckIns;

public partial class BandGuidanceTests
{
    public static TheoryData<string, int> EveryBand()
    {
        var data = new TheoryData<string, int>();
        foreach (var i in new[] { Instruments.Sows, Instruments.Cows })
        {
            foreach (var b in i.Bands)
            {
                data.Add(i.Abbreviation, b.Min);
            }
        }
        return data;
    }

    private static Instrument Find(string abbreviation) => abbreviation == "SOWS" ? Instruments.Sows : Instruments.Cows;

    [Theory]
    [MemberData(nameof(EveryBand))]
    public void For_EveryBand_StepsEachWithASource(string instrument, int total)
    {
        var i = Find(instrument);
        var steps = BandGuidance.For(i, i.BandFor(total)!);

        steps.ShouldNotBeEmpty();
        steps.ShouldAllBe(s => !string.IsNullOrWhiteSpace(s.Text) && !string.IsNullOrWhiteSpace(s.Source.Citation));
    }

    [Theory]
    [MemberData(nameof(EveryBand))]
    public void For_EveryBand_NeverSuggestsADose(string instrument, int total)
    {
        var i = Find(instrument);
        foreach (var step in BandGuidance.For(i, i.BandFor(total)!))
        {
            DoseLike().IsMatch(step.Text).ShouldBeFalse(step.Text);
            step.Text.ShouldNotContain("take more", Case.Insensitive);
            Regex.IsMatch(step.Text, @"\bdos(e|es|ing)\b", RegexOptions.IgnoreCase).ShouldBeFalse(step.Text);
        }
    }

    [Theory]
    [InlineData("SOWS", 21)]
    [InlineData("SOWS", 64)]
    [InlineData("COWS", 25)]
    [InlineData("COWS", 37)]
    public void For_SevereBands_ClinicianSamhsaNaloxoneAnd911(string instrument, int total)
    {
        var i = Find(instrument);
        var text = string.Join(" ", BandGuidance.For(i, i.BandFor(total)!).Select(s => s.Text));

        text.ShouldContain("clinician");
        text.ShouldContain("1-800-662-4357");
        text.ShouldContain("naloxone");
        text.ShouldContain("911");
        text.ShouldContain("988");
    }

    [Theory]
    [InlineData("SOWS", 11)]
    [InlineData("COWS", 13)]
    public void For_Moderate_PlanWaitsRestFluidsClinician(string instrument, int total)
    {
        var i = Find(instrument);
        var text = string.Join(" ", BandGuidance.For(i, i.BandFor(total)!).Select(s => s.Text));

        text.ShouldContain("step-down can wait");
        text.ShouldContain("Rest");
        text.ShouldContain("water");
        text.ShouldContain("clinician");
        text.ShouldNotContain("911");
    }

    [Theory]
    [InlineData("SOWS", 0, Severity.None)]
    [InlineData("SOWS", 10, Severity.Mild)]
    [InlineData("SOWS", 11, Severity.Moderate)]
    [InlineData("SOWS", 21, Severity.Severe)]
    [InlineData("COWS", 4, Severity.None)]
    [InlineData("COWS", 12, Severity.Mild)]
    [InlineData("COWS", 24, Severity.Moderate)]
    [InlineData("COWS", 25, Severity.Severe)]
    [InlineData("COWS", 48, Severity.Severe)]
    public void BandFor_Severity_MatchesTheBandsWords(string instrument, int total, Severity severity) =>
        Find(instrument).BandFor(total)!.Severity.ShouldBe(severity);

    // An amount with a unit ("2 g", "5mg", "10 mcg", "1 tablet"): never in a suggestion.
    [GeneratedRegex(@"\d\s*(g|mg|mcg|ml|MME|tablets?|capsules?|tsp)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoseLike();
}
