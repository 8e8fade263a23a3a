using Wane.Domain.Journal;

namespace Wane.Domain.Tapering;

/// <summary>How plan units are written: "g", "MME", "mg" (the same names as journal totals).</summary>
public static class PlanUnits
{
    /// <summary>Every plan unit's name ("g", "MME", "mg"), for forms and the API description.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<PlanUnit>().Select(u => u.Name())];

    /// <summary>The unit's short name.</summary>
    public static string Name(this PlanUnit unit) => unit switch
    {
        PlanUnit.Grams => NormalUnit.Grams.Name(),
        PlanUnit.Mme => NormalUnit.Mme.Name(),
        PlanUnit.Milligrams => NormalUnit.Milligrams.Name(),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };
}
