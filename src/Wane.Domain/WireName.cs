using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Wane.Domain;

/// <summary>
/// The lower-case, hyphenated names under which enums travel in JSON, forms and the CLI
/// (<c>AfterLarge</c> is "after-large").
/// </summary>
public static class WireName
{
    private static readonly ConcurrentDictionary<Type, (Enum Value, string Name)[]> Cache = new();

    /// <summary>The wire name of an enum value.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Table(typeof(TEnum)).First(e => e.Value.Equals(value)).Name;

    /// <summary>All wire names of an enum, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum =>
        Table(typeof(TEnum)).Select(e => e.Name).ToArray();

    /// <summary>Parses a wire name (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParse<TEnum>(string? text, [NotNullWhen(true)] out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        if (text is null)
        {
            return false;
        }
        var t = text.Trim();
        foreach (var (v, name) in Table(typeof(TEnum)))
        {
            if (string.Equals(name, t, StringComparison.OrdinalIgnoreCase))
            {
                value = (TEnum)v;
                return true;
            }
        }
        return false;
    }

    private static (Enum Value, string Name)[] Table(Type type) =>
        Cache.GetOrAdd(type, t => Enum.GetValues(t).Cast<Enum>().Select(v => (v, Kebab(v.ToString()))).ToArray());

    private static string Kebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && !char.IsDigit(pascal[i - 1]))
            {
                sb.Append('-');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
