using Shouldly;
using Wane.Domain.CheckIns;

namespace Wane.Domain.Tests.CheckIns;

public class ScoringTests
{
    private static Score Valid(Instrument instrument, int[] answers)
    {
        var (score, errors) = Scoring.Score(instrument, answers);
        errors.ShouldBeEmpty();
        return score.ShouldNotBeNull();
    }

    private static FieldError OneError(Instrument instrument, int[]? answers)
    {
        var (score, errors) = Scoring.Score(instrument, answers);
        score.ShouldBeNull();
        return errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void Score_SowsKnownAnswers_ExactTotalAndBand()
    {
        var score = Valid(Instruments.Sows, [0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0]);
        score.ShouldBe(new Score(30, 64, new Band(21, 64, "severe", Severity.Severe)));
    }

    [Fact]
    public void Score_SowsAllZero_ZeroNone() =>
        Valid(Instruments.Sows, new int[16]).ShouldBe(new Score(0, 64, new Band(0, 0, "none", Severity.None)));

    [Fact]
    public void Score_SowsAllExtremely_Max64Severe() =>
        Valid(Instruments.Sows, Enumerable.Repeat(4, 16).ToArray()).ShouldBe(new Score(64, 64, new Band(21, 64, "severe", Severity.Severe)));

    [Fact]
    public void Score_CowsKnownAnswers_ExactTotalAndBand()
    {
        // Pulse 2, sweating 1, restlessness 3, pupils 1, aches 2, nose 1, GI 2, tremor 1, yawning 1, anxiety 2, gooseflesh 3.
        var score = Valid(Instruments.Cows, [2, 1, 3, 1, 2, 1, 2, 1, 1, 2, 3]);
        score.ShouldBe(new Score(19, 48, new Band(13, 24, "moderate", Severity.Moderate)));
    }

    [Fact]
    public void Score_CowsEveryItemAtItsMaximum_Max48Severe() =>
        Valid(Instruments.Cows, [4, 4, 5, 5, 4, 4, 5, 4, 4, 4, 5]).ShouldBe(new Score(48, 48, new Band(37, 48, "severe", Severity.Severe)));

    [Fact]
    public void Score_CowsAllZero_ZeroBelowTheMildBand() =>
        Valid(Instruments.Cows, new int[11]).Band.ShouldNotBeNull().Name.ShouldBe("below the mild band");

    [Theory]
    [InlineData(0, "none")]
    [InlineData(1, "mild")]
    [InlineData(10, "mild")]
    [InlineData(11, "moderate")]
    [InlineData(20, "moderate")]
    [InlineData(21, "severe")]
    [InlineData(64, "severe")]
    public void Score_SowsBandBoundary_Band(int total, string band)
    {
        var score = Valid(Instruments.Sows, Answers.WithTotal(Instruments.Sows, total));
        score.Total.ShouldBe(total);
        score.Max.ShouldBe(64);
        score.Band.ShouldNotBeNull().Name.ShouldBe(band);
    }

    [Theory]
    [InlineData(0, "below the mild band")]
    [InlineData(4, "below the mild band")]
    [InlineData(5, "mild")]
    [InlineData(12, "mild")]
    [InlineData(13, "moderate")]
    [InlineData(24, "moderate")]
    [InlineData(25, "moderately severe")]
    [InlineData(36, "moderately severe")]
    [InlineData(37, "severe")]
    [InlineData(48, "severe")]
    public void Score_CowsBandBoundary_Band(int total, string band)
    {
        var score = Valid(Instruments.Cows, Answers.WithTotal(Instruments.Cows, total));
        score.Total.ShouldBe(total);
        score.Max.ShouldBe(48);
        score.Band.ShouldNotBeNull().Name.ShouldBe(band);
    }

    [Fact]
    public void Score_NullAnswers_ErrorOnAnswers() =>
        OneError(Instruments.Sows, null).Field.ShouldBe("answers");

    [Fact]
    public void Score_NoAnswers_ErrorOnAnswers() =>
        OneError(Instruments.Cows, []).Field.ShouldBe("answers");

    [Fact]
    public void Score_SowsLastItemMissing_ErrorNamesTheItem()
    {
        var error = OneError(Instruments.Sows, new int[15]);
        error.Field.ShouldBe("answers");
        error.Message.ShouldContain("Item 16 (I feel like using now)");
        error.Message.ShouldContain("15 answers");
    }

    [Fact]
    public void Score_CowsTwoItemsMissing_ErrorNamesBoth()
    {
        var error = OneError(Instruments.Cows, new int[9]);
        error.Field.ShouldBe("answers");
        error.Message.ShouldContain("Item 10 (Anxiety or irritability)");
        error.Message.ShouldContain("Item 11 (Gooseflesh skin)");
    }

    [Fact]
    public void Score_ExtraAnswer_ErrorOnAnswersNamingTheExtra()
    {
        var error = OneError(Instruments.Sows, new int[17]);
        error.Field.ShouldBe("answers");
        error.Message.ShouldContain("16 items");
        error.Message.ShouldContain("17 answers");
    }

    [Fact]
    public void Score_MissingItemAndBadScore_BothReported()
    {
        var answers = new int[15];
        answers[2] = 7;
        var (score, errors) = Scoring.Score(Instruments.Sows, answers);
        score.ShouldBeNull();
        errors.Select(e => e.Field).ShouldBe(["answers", "answers[2]"]);
    }

    [Theory]
    [InlineData(2, 5, "answers[2]", "Item 3 (I am perspiring) allows 0, 1, 2, 3 or 4.")]
    [InlineData(0, -1, "answers[0]", "Item 1 (I feel anxious) allows 0, 1, 2, 3 or 4.")]
    [InlineData(15, 64, "answers[15]", "Item 16 (I feel like using now) allows 0, 1, 2, 3 or 4.")]
    public void Score_SowsOutOfRange_ErrorNamesTheItem(int index, int value, string field, string message)
    {
        var answers = new int[16];
        answers[index] = value;
        OneError(Instruments.Sows, answers).ShouldBe(new FieldError(field, message));
    }

    [Theory]
    [InlineData(0, 3, "Item 1 (Resting pulse rate, after sitting or lying 1 min) allows 0, 1, 2 or 4.")]
    [InlineData(2, 2, "Item 3 (Restlessness, observed during assessment) allows 0, 1, 3 or 5.")]
    [InlineData(2, 4, "Item 3 (Restlessness, observed during assessment) allows 0, 1, 3 or 5.")]
    [InlineData(3, 3, "Item 4 (Pupil size) allows 0, 1, 2 or 5.")]
    [InlineData(3, 4, "Item 4 (Pupil size) allows 0, 1, 2 or 5.")]
    [InlineData(6, 4, "Item 7 (GI upset, past ½ h) allows 0, 1, 2, 3 or 5.")]
    [InlineData(10, 1, "Item 11 (Gooseflesh skin) allows 0, 3 or 5.")]
    [InlineData(10, 2, "Item 11 (Gooseflesh skin) allows 0, 3 or 5.")]
    [InlineData(10, 4, "Item 11 (Gooseflesh skin) allows 0, 3 or 5.")]
    [InlineData(1, 5, "Item 2 (Sweating, past ½ h, not explained by room temperature or activity) allows 0, 1, 2, 3 or 4.")]
    [InlineData(9, -1, "Item 10 (Anxiety or irritability) allows 0, 1, 2 or 4.")]
    public void Score_CowsScoreTheItemDoesNotAllow_ErrorNamesTheItem(int index, int value, string message)
    {
        var answers = new int[11];
        answers[index] = value;
        OneError(Instruments.Cows, answers).ShouldBe(new FieldError($"answers[{index}]", message));
    }

    [Fact]
    public void Score_CowsEveryGapInEveryItem_Rejected()
    {
        foreach (var item in Instruments.Cows.Items)
        {
            for (var value = -1; value <= 6; value++)
            {
                var answers = new int[11];
                answers[item.Number - 1] = value;
                var (score, errors) = Scoring.Score(Instruments.Cows, answers);
                if (item.Scores.Any(s => s.Value == value))
                {
                    score.ShouldNotBeNull().Total.ShouldBe(value);
                }
                else
                {
                    score.ShouldBeNull();
                    errors.ShouldHaveSingleItem().Field.ShouldBe($"answers[{item.Number - 1}]");
                }
            }
        }
    }

    [Fact]
    public void Score_SeveralBadItems_EveryOneReported()
    {
        var (_, errors) = Scoring.Score(Instruments.Cows, [3, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1]);
        errors.Select(e => e.Field).ShouldBe(["answers[0]", "answers[2]", "answers[10]"]);
    }
}
