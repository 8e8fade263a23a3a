using System.Diagnostics.CodeAnalysis;

namespace Wane.Domain.Units;

/// <summary>Wire names of <see cref="DoseUnit"/> ("g", "mg", "mcg", "capsule", "tablet", "tsp", "ml", "mcg/h").</summary>
public static class DoseUnits
{
    private static readonly (DoseUnit Unit, string Name)[] Names =
    [
        (DoseUnit.Gram, "g"),
        (DoseUnit.Milligram, "mg"),
        (DoseUnit.Microgram, "mcg"),
        (DoseUnit.Capsule, "capsule"),
        (DoseUnit.Tablet, "tablet"),
        (DoseUnit.Teaspoon, "tsp"),
        (DoseUnit.Milliliter, "ml"),
        (DoseUnit.MicrogramPerHour, "mcg/h"),
    ];

    /// <summary>Every accepted name, for error messages and forms.</summary>
    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The wire name of a unit.</summary>
    public static string Name(this DoseUnit unit) => Names.First(n => n.Unit == unit).Name;

    /// <summary>Parses a wire name (case-insensitive; "capsules", "tablets", "µg" accepted as well).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DoseUnit? unit)
    {
        unit = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var t = text.Trim().ToLowerInvariant() switch
        {
            "capsules" or "caps" or "cap" => "capsule",
            "tablets" or "tab" or "tabs" => "tablet",
            "µg" or "ug" => "mcg",
            "µg/h" or "ug/h" => "mcg/h",
            "teaspoon" or "teaspoons" => "tsp",
            var other => other,
        };
        foreach (var (u, name) in Names)
        {
            if (name == t)
            {
                unit = u;
                return true;
            }
        }
        return false;
    }
}
