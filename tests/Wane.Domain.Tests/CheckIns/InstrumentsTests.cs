using Shouldly;
using Wane.Domain.CheckIns;

namespace Wane.Domain.Tests.CheckIns;

public class InstrumentsTests
{
    private static readonly string[] SowsItems =
    [
        "I feel anxious", "I feel like yawning", "I am perspiring", "My eyes are tearing",
        "My nose is running", "I have goose flesh", "I am shaking", "I have hot flashes",
        "I have cold flashes", "My bones and muscles ache", "I feel restless", "I feel nauseous",
        "I feel like vomiting", "My muscles twitch", "I have cramps in my stomach", "I feel like using now",
    ];

    [Fact]
    public void Sows_Items_AreTheSixteenHandelsmanItemsInOrder()
    {
        var sows = Instruments.Sows;
        sows.Kind.ShouldBe(InstrumentKind.Sows);
        sows.Abbreviation.ShouldBe("SOWS");
        sows.Name.ShouldBe("Subjective Opiate Withdrawal Scale");
        sows.Items.Select(i => i.Text).ShouldBe(SowsItems);
        sows.Items.Select(i => i.Number).ShouldBe(Enumerable.Range(1, 16));
        sows.Items[15].Text.ShouldBe("I feel like using now");
    }

    [Fact]
    public void Sows_EveryItem_ScoredZeroToFourWithTheFormAnchors()
    {
        foreach (var item in Instruments.Sows.Items)
        {
            item.Scores.ShouldBe(
            [
                new ItemScore(0, "not at all"),
                new ItemScore(1, "a little"),
                new ItemScore(2, "moderately"),
                new ItemScore(3, "quite a bit"),
                new ItemScore(4, "extremely"),
            ]);
        }
    }

    [Fact]
    public void Sows_MaxTotal_Is64()
    {
        Instruments.Sows.MaxTotal.ShouldBe(64);
        Instruments.Sows.MaxTotal.ShouldBe(Instruments.Sows.Items.Sum(i => i.Max));
    }

    [Fact]
    public void Sows_Bands_AreTheNidaCtnResearchBands()
    {
        Instruments.Sows.Bands.ShouldBe(
        [
            new Band(0, 0, "none", Severity.None),
            new Band(1, 10, "mild", Severity.Mild),
            new Band(11, 20, "moderate", Severity.Moderate),
            new Band(21, 64, "severe", Severity.Severe),
        ]);
        // The "SOWS ≥ 17" threshold seen in one app is unverified and must not appear.
        Instruments.Sows.Bands.ShouldNotContain(b => b.Min == 17 || b.Max == 16);
    }

    [Fact]
    public void Sows_Sources_CiteHandelsmanAndTheCtnBandsAsResearchNotClinical()
    {
        var sows = Instruments.Sows;
        sows.Source.Citation.ShouldContain("Handelsman L");
        sows.Source.Citation.ShouldContain("Am J Drug Alcohol Abuse 1987;13(3):293–308");
        sows.Source.Citation.ShouldContain("PMID 3687892");
        sows.BandSource.Citation.ShouldContain("Bands used in NIDA CTN research");
        sows.BandSource.Citation.ShouldContain("not clinical cut-offs");
        sows.BandSource.Citation.ShouldContain("CTN-0094");
    }

    public static TheoryData<int, string, int[]> CowsItems => new()
    {
        { 1, "Resting pulse rate, after sitting or lying 1 min", [0, 1, 2, 4] },
        { 2, "Sweating, past ½ h, not explained by room temperature or activity", [0, 1, 2, 3, 4] },
        { 3, "Restlessness, observed during assessment", [0, 1, 3, 5] },
        { 4, "Pupil size", [0, 1, 2, 5] },
        { 5, "Bone or joint aches (only the additional component due to withdrawal)", [0, 1, 2, 4] },
        { 6, "Runny nose or tearing, not explained by cold or allergies", [0, 1, 2, 4] },
        { 7, "GI upset, past ½ h", [0, 1, 2, 3, 5] },
        { 8, "Tremor, outstretched hands", [0, 1, 2, 4] },
        { 9, "Yawning, during assessment", [0, 1, 2, 4] },
        { 10, "Anxiety or irritability", [0, 1, 2, 4] },
        { 11, "Gooseflesh skin", [0, 3, 5] },
    };

    [Theory]
    [MemberData(nameof(CowsItems))]
    public void Cows_Item_HasTheFormTextAndOnlyItsAllowedScores(int number, string text, int[] allowed)
    {
        var item = Instruments.Cows.Items[number - 1];
        item.Number.ShouldBe(number);
        item.Text.ShouldBe(text);
        item.Scores.Select(s => s.Value).ShouldBe(allowed);
        item.Scores.ShouldAllBe(s => !string.IsNullOrWhiteSpace(s.Anchor));
    }

    [Fact]
    public void Cows_Anchors_MatchTheReprintedForm()
    {
        var items = Instruments.Cows.Items;
        items[3].Scores[^1].Anchor.ShouldBe("so dilated that only the rim of the iris is visible");
        items[6].Scores.Select(s => s.Anchor).ShouldBe(["no GI symptoms", "stomach cramps", "nausea or loose stool", "vomiting or diarrhea", "multiple episodes of diarrhea or vomiting"]);
        items[10].Scores.Select(s => s.Anchor).ShouldBe(["skin is smooth", "piloerection of skin can be felt or hairs standing up on arms", "prominent piloerection"]);
    }

    [Fact]
    public void Cows_MaxTotal_Is48AndTheSumOfItemMaxima()
    {
        Instruments.Cows.Items.Count.ShouldBe(11);
        Instruments.Cows.Items.Sum(i => i.Max).ShouldBe(48);
        Instruments.Cows.MaxTotal.ShouldBe(48);
    }

    [Fact]
    public void Cows_Bands_AreTheFormBandsAndSayTheFormHasNoneBelowFive()
    {
        Instruments.Cows.Bands.ShouldBe(
        [
            new Band(0, 4, "below the mild band", Severity.None),
            new Band(5, 12, "mild", Severity.Mild),
            new Band(13, 24, "moderate", Severity.Moderate),
            new Band(25, 36, "moderately severe", Severity.Severe),
            new Band(37, 48, "severe", Severity.Severe),
        ]);
        Instruments.Cows.BandSource.Citation.ShouldContain("no band for totals of 0–4");
    }

    [Fact]
    public void Cows_Source_CitesWessonAndLingAndTip40()
    {
        var cows = Instruments.Cows;
        cows.Kind.ShouldBe(InstrumentKind.Cows);
        cows.Abbreviation.ShouldBe("COWS");
        cows.Source.Citation.ShouldContain("Wesson DR, Ling W");
        cows.Source.Citation.ShouldContain("J Psychoactive Drugs 2003;35(2):253–259");
        cows.Source.Citation.ShouldContain("10.1080/02791072.2003.10400007");
        cows.Source.Citation.ShouldContain("TIP 40");
    }

    [Fact]
    public void Both_Bands_CoverEveryTotalExactlyOnce()
    {
        foreach (var instrument in new[] { Instruments.Sows, Instruments.Cows })
        {
            for (var total = 0; total <= instrument.MaxTotal; total++)
            {
                instrument.Bands.Count(b => b.Contains(total)).ShouldBe(1, $"{instrument.Abbreviation} {total}");
            }
            instrument.Bands[0].Min.ShouldBe(0);
            instrument.Bands[^1].Max.ShouldBe(instrument.MaxTotal);
        }
    }

    [Fact]
    public void Both_KratomNote_SaysNeitherWasValidatedForKratom()
    {
        const string note = "Neither scale was validated for kratom withdrawal; studies of kratom withdrawal have used them (Rogers et al., Drug Alcohol Depend 2024; Singh et al., 2019).";
        Instruments.Sows.KratomNote.ShouldBe(note);
        Instruments.Cows.KratomNote.ShouldBe(note);
    }

    [Theory]
    [InlineData("sows", InstrumentKind.Sows)]
    [InlineData("COWS", InstrumentKind.Cows)]
    [InlineData(" cows ", InstrumentKind.Cows)]
    public void Find_KnownWireName_ReturnsTheInstrument(string wire, InstrumentKind kind) =>
        Instruments.Find(wire).ShouldNotBeNull().Kind.ShouldBe(kind);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("daily")]
    [InlineData("short-ows")]
    public void Find_UnknownOrNotAScale_ReturnsNull(string? wire) =>
        Instruments.Find(wire).ShouldBeNull();
}
