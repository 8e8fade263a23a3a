namespace Wane.Domain.Guardrails;

/// <summary>One rule's settings: on or off, and its parameter values (every parameter present).</summary>
public sealed record RuleSetting(bool Enabled, IReadOnlyDictionary<string, decimal> Values)
{
    /// <summary>A parameter's value.</summary>
    public decimal this[string key] => Values.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"No parameter {key}.");

    /// <summary>A parameter's value, by the rule's own definition of it (<c>setting[S3LostTolerance.PauseDays]</c>).</summary>
    public decimal this[ParameterDefinition parameter] => this[(parameter ?? throw new ArgumentNullException(nameof(parameter))).Key];

    /// <inheritdoc />
    public bool Equals(RuleSetting? other) =>
        other is not null && Enabled == other.Enabled && Values.Count == other.Values.Count
        && Values.All(kv => other.Values.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Enabled, Values.Count);
}
