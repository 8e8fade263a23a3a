namespace Wane.Domain.Journal;

/// <summary>Wire names of <see cref="NormalUnit"/>: "g", "MME", "mg".</summary>
public static class NormalUnits
{
    /// <summary>The wire name.</summary>
    public static string Name(this NormalUnit unit) => unit switch
    {
        NormalUnit.Grams => "g",
        NormalUnit.Mme => "MME",
        NormalUnit.Milligrams => "mg",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>Parses a wire name.</summary>
    public static NormalUnit? Parse(string? name) => name switch
    {
        "g" => NormalUnit.Grams,
        "MME" => NormalUnit.Mme,
        "mg" => NormalUnit.Milligrams,
        _ => null,
    };

    /// <summary>The unit doses of a kind are totalled in.</summary>
    public static NormalUnit For(ProductKind kind) => kind switch
    {
        ProductKind.Kratom => NormalUnit.Grams,
        ProductKind.Opioid => NormalUnit.Mme,
        _ => NormalUnit.Milligrams,
    };
}
