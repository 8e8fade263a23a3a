namespace Wane.Domain.Tapering;

/// <summary>The unrounded daily amount of each step of a pace, before measuring resolution is applied.</summary>
internal static class ExactTargets
{
    /// <summary>The share of the original amount at which CDC's short-duration pace switches to cutting the remainder.</summary>
    public const decimal CdcSwitchShare = 0.3m;

    /// <summary>
    /// D_0, D_1, D_2… for steps 0, 1, 2…. Ends with 0 when the pace reaches zero (a linear cut, the end
    /// of an explicit list); otherwise endless (percent paces never reach zero), and the caller stops.
    /// </summary>
    public static IEnumerable<decimal> Of(PhaseRequest phase)
    {
        var d0 = phase.StartAmount;
        var pace = phase.Pace;
        return pace.Kind switch
        {
            PaceKind.Linear => Linear(d0, pace.Amount!.Value),
            PaceKind.Percent => Geometric(d0, 1m - (pace.Percent!.Value / 100m)),
            PaceKind.CdcShort => CdcShort(d0),
            PaceKind.Steps => Listed(d0, pace.Amounts!),
            _ => throw new ArgumentOutOfRangeException(nameof(phase), pace.Kind, null),
        };
    }

    private static IEnumerable<decimal> Linear(decimal d0, decimal cut)
    {
        for (var x = d0; x > 0; x -= cut)
        {
            yield return x;
        }
        yield return 0m;
    }

    private static IEnumerable<decimal> Geometric(decimal from, decimal factor)
    {
        // Decimal multiplication keeps 28 significant digits; a value too small to represent becomes 0.
        for (var x = from; x > 0; x *= factor)
        {
            yield return x;
        }
        yield return 0m;
    }

    private static IEnumerable<decimal> CdcShort(decimal d0)
    {
        // 10% of the original per step while more than ~30% of it remains (100, 90, … 30), then 10% of
        // the remainder (27, 24.3, …). Computed from n so repeated subtraction cannot drift.
        for (var n = 0; n < 7; n++)
        {
            yield return d0 * (10 - n) / 10m;
        }
        foreach (var x in Geometric(d0 * CdcSwitchShare, 0.9m))
        {
            yield return x;
        }
    }

    private static IEnumerable<decimal> Listed(decimal d0, IReadOnlyList<decimal> amounts)
    {
        yield return d0;
        foreach (var a in amounts)
        {
            yield return a;
            if (a <= 0)
            {
                yield break;
            }
        }
        yield return 0m;
    }
}
