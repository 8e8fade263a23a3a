namespace Wane.Domain.Guardrails.Rules;

/// <summary>Small statistics over the person's own amounts.</summary>
internal static class Stats
{
    /// <summary>The median (the mean of the middle two for an even count). Requires at least one value.</summary>
    public static decimal Median(List<decimal> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2m;
    }
}
