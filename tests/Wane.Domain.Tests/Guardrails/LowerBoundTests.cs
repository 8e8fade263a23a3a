using CsCheck;
using NodaTime;
using Shouldly;
using static Wane.Domain.Tests.Guardrails.Doses;
using Engine = Wane.Domain.Guardrails.Guardrails;

namespace Wane.Domain.Tests.Guardrails;

public class LowerBoundTests
{
    [Fact]
    public void LowerBound_AnySortedHistory_MatchesALinearScan() =>
        Gen.Select(Gen.Int[0, 50].Array[0, 300], Gen.Int[-5, 1600], Gen.Int[0, 300])
            .Sample((gaps, fromMinutes, endRaw) =>
            {
                var start = Instant.FromUtc(2026, 1, 1, 0, 0);
                var minutes = 0;
                var history = gaps.Select(g => Kratom(start + Duration.FromMinutes(minutes += g))).ToArray();
                var end = Math.Min(endRaw, history.Length);
                var from = start + Duration.FromMinutes(fromMinutes);
                var expected = Array.FindIndex(history, 0, end, d => d.TakenAt >= from);
                Engine.LowerBound(history, from, end).ShouldBe(expected < 0 ? end : expected);
            }, iter: 2000);

    [Fact]
    public void LowerBound_EmptyHistory_IsZero() =>
        Engine.LowerBound([], Instant.FromUtc(2026, 1, 1, 0, 0), 0).ShouldBe(0);
}
