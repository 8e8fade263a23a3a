using CsCheck;
using Shouldly;
using Wane.Domain.CheckIns;

namespace Wane.Domain.Tests.CheckIns;

public class ScoringPropertyTests
{
    private const int Iterations = 1000;

    private static Gen<int[]> ValidAnswers(Instrument instrument) =>
        Gen.Int[0, 1000].Array[instrument.Items.Count]
            .Select(picks => picks.Select((p, i) => instrument.Items[i].Scores[p % instrument.Items[i].Scores.Count].Value).ToArray());

    [Fact]
    public void Score_AnyValidSowsAnswers_TotalIsTheSumWithinRangeInExactlyOneBand() =>
        Gen.Int[0, 4].Array[16].Sample(answers =>
        {
            var (score, errors) = Scoring.Score(Instruments.Sows, answers);
            errors.ShouldBeEmpty();
            var s = score.ShouldNotBeNull();
            s.Total.ShouldBe(answers.Sum());
            s.Total.ShouldBeInRange(0, 64);
            s.Max.ShouldBe(64);
            var bands = Instruments.Sows.Bands.Where(b => b.Contains(s.Total)).ToArray();
            bands.ShouldHaveSingleItem();
            s.Band.ShouldBe(bands[0]);
        }, iter: Iterations);

    [Fact]
    public void Score_AnyValidCowsAnswers_TotalIsTheSumWithinRangeInExactlyOneBand() =>
        ValidAnswers(Instruments.Cows).Sample(answers =>
        {
            var s = Scoring.Score(Instruments.Cows, answers).Score.ShouldNotBeNull();
            s.Total.ShouldBe(answers.Sum());
            s.Total.ShouldBeInRange(0, 48);
            var bands = Instruments.Cows.Bands.Where(b => b.Contains(s.Total)).ToArray();
            bands.ShouldHaveSingleItem();
            s.Band.ShouldBe(bands[0]);
        }, iter: Iterations);

    [Fact]
    public void Score_OneSowsAnswerOutOfRange_NoScoreAndTheErrorNamesThatItem() =>
        Gen.Select(Gen.Int[0, 4].Array[16], Gen.Int[0, 15], Gen.OneOf(Gen.Int[int.MinValue, -1], Gen.Int[5, int.MaxValue]))
            .Sample((answers, index, bad) =>
            {
                answers[index] = bad;
                var (score, errors) = Scoring.Score(Instruments.Sows, answers);
                score.ShouldBeNull();
                var error = errors.ShouldHaveSingleItem();
                error.Field.ShouldBe($"answers[{index}]");
                error.Message.ShouldStartWith($"Item {index + 1} ({Instruments.Sows.Items[index].Text}) allows");
            }, iter: Iterations);
}
