using Wane.Domain;

namespace Wane.Features.Common;

/// <summary>
/// Says that a string field of the API takes one of a closed set of wire names, so the OpenAPI
/// description lists them as an <c>enum</c>. The set comes from the domain, never a copy of it:
/// either an enum's <see cref="WireName"/>s or a static <c>IReadOnlyList&lt;string&gt;</c> property.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class OneOfAttribute : Attribute
{
    /// <param name="source">An enum (its wire names), or a type with the static property <paramref name="property"/>.</param>
    /// <param name="property">A static <c>IReadOnlyList&lt;string&gt;</c> property of <paramref name="source"/>.</param>
    /// <param name="extra">Further accepted names (for example "kratom" beside the opioids).</param>
    public OneOfAttribute(Type source, string? property = null, params string[] extra)
    {
        Source = source;
        Property = property;
        Extra = extra;
    }

    public Type Source { get; }

    public string? Property { get; }

    public IReadOnlyList<string> Extra { get; }

    /// <summary>The accepted names, in the domain's order.</summary>
    public IReadOnlyList<string> Names()
    {
        IEnumerable<string> names;
        if (Property is not null)
        {
            names = (IReadOnlyList<string>)Source.GetProperty(Property)!.GetValue(null)!;
        }
        else
        {
            var all = typeof(WireName).GetMethod(nameof(WireName.All))!.MakeGenericMethod(Source);
            names = (IReadOnlyList<string>)all.Invoke(null, null)!;
        }
        return [.. Extra, .. names];
    }
}
