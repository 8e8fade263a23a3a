using System.Globalization;

namespace Wane.Domain.Guardrails;

/// <summary>
/// A person's guardrail settings: for each rule, on/off and its parameters. Immutable; every
/// change is validated against the rule's declared ranges.
/// </summary>
public sealed class GuardrailSettings
{
    private readonly IReadOnlyDictionary<string, RuleSetting> _rules;

    private GuardrailSettings(IReadOnlyDictionary<string, RuleSetting> rules) => _rules = rules;

    /// <summary>Every rule on, with its default parameters.</summary>
    public static GuardrailSettings Defaults { get; } = new(
        Guardrails.Rules.ToDictionary(
            r => r.Definition.Id,
            r => new RuleSetting(true, r.Definition.Parameters.ToDictionary(p => p.Key, p => p.Default)),
            StringComparer.Ordinal));

    /// <summary>The settings by rule id.</summary>
    public IReadOnlyDictionary<string, RuleSetting> Rules => _rules;

    /// <summary>One rule's settings, by its id ("S3").</summary>
    public RuleSetting this[string ruleId] => _rules[ruleId];

    /// <summary>One rule's settings.</summary>
    public RuleSetting this[IGuardrailRule rule] => _rules[(rule ?? throw new ArgumentNullException(nameof(rule))).Definition.Id];

    /// <summary>
    /// Builds settings from stored or submitted values: unknown rules and parameters are errors,
    /// values outside their range are errors, missing ones take their defaults.
    /// </summary>
    public static (GuardrailSettings? Settings, IReadOnlyList<FieldError> Errors) From(IReadOnlyDictionary<string, RuleSettingDraft>? drafts)
    {
        var errors = new List<FieldError>();
        var result = Defaults._rules.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (ruleId, draft) in drafts ?? new Dictionary<string, RuleSettingDraft>())
        {
            var rule = Guardrails.Find(ruleId);
            if (rule is null)
            {
                errors.Add(new(ruleId, $"There is no rule \"{ruleId}\". Rules: {string.Join(", ", Guardrails.Rules.Select(r => r.Definition.Id))}."));
                continue;
            }
            var values = result[rule.Definition.Id].Values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            foreach (var (key, value) in draft.Values ?? new Dictionary<string, decimal>())
            {
                var p = rule.Definition.Parameters.FirstOrDefault(x => x.Key == key);
                if (p is null)
                {
                    errors.Add(new($"{rule.Definition.Id}.{key}", $"{rule.Definition.Id} has no setting \"{key}\"." + Known(rule)));
                }
                else if (value < p.Min || value > p.Max)
                {
                    errors.Add(new($"{rule.Definition.Id}.{key}", $"{rule.Definition.Id}.{key} must be from {Format(p.Min)} to {Format(p.Max)} {p.Unit}."));
                }
                else
                {
                    values[key] = value;
                }
            }
            result[rule.Definition.Id] = new RuleSetting(draft.Enabled ?? result[rule.Definition.Id].Enabled, values);
        }
        return errors.Count > 0 ? (null, errors) : (new GuardrailSettings(result), errors);
    }

    /// <summary>
    /// Applies one assignment as typed on the CLI: <c>R1.interval=5h</c>, <c>R2.days=7d</c>,
    /// <c>R4.step=25%</c>, <c>R3.enabled=false</c>. A unit suffix must match the setting's unit.
    /// </summary>
    public (GuardrailSettings? Settings, FieldError? Error) Apply(string assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var eq = assignment.IndexOf('=', StringComparison.Ordinal);
        var dot = assignment.IndexOf('.', StringComparison.Ordinal);
        if (eq < 0 || dot < 0 || dot > eq)
        {
            return (null, new FieldError(assignment, "Write a setting as RULE.setting=value, for example R1.interval=5h or R3.enabled=false."));
        }
        var ruleId = assignment[..dot].Trim().ToUpperInvariant();
        var key = assignment[(dot + 1)..eq].Trim();
        var text = assignment[(eq + 1)..].Trim();
        var rule = Guardrails.Find(ruleId);
        if (rule is null)
        {
            return (null, new FieldError(ruleId, $"There is no rule \"{ruleId}\". Rules: {string.Join(", ", Guardrails.Rules.Select(r => r.Definition.Id))}."));
        }
        if (key == "enabled")
        {
            return bool.TryParse(text, out var on)
                ? Result(From(Drafts(rule.Definition.Id, new RuleSettingDraft(on, null))))
                : (null, new FieldError($"{ruleId}.enabled", "Use true or false."));
        }
        var p = rule.Definition.Parameters.FirstOrDefault(x => string.Equals(x.Key, key, StringComparison.OrdinalIgnoreCase));
        if (p is null)
        {
            return (null, new FieldError($"{ruleId}.{key}", $"{ruleId} has no setting \"{key}\"." + Known(rule)));
        }
        var number = text;
        if (number.EndsWith(p.Unit, StringComparison.OrdinalIgnoreCase) && p.Unit is "h" or "d" or "%" or "g" or "MME")
        {
            number = number[..^p.Unit.Length].Trim();
        }
        if (!Units.AmountText.TryParse(number, out var value, out var error))
        {
            return (null, new FieldError($"{ruleId}.{p.Key}", $"{error} {ruleId}.{p.Key} is in {p.Unit}."));
        }
        return Result(From(Drafts(rule.Definition.Id, new RuleSettingDraft(null, new Dictionary<string, decimal> { [p.Key] = value }))));
    }

    private Dictionary<string, RuleSettingDraft> Drafts(string ruleId, RuleSettingDraft change)
    {
        var drafts = _rules.ToDictionary(kv => kv.Key, kv => new RuleSettingDraft(kv.Value.Enabled, kv.Value.Values.ToDictionary(x => x.Key, x => x.Value)), StringComparer.Ordinal);
        var current = drafts[ruleId];
        var values = current.Values!.ToDictionary(x => x.Key, x => x.Value);
        foreach (var (k, v) in change.Values ?? new Dictionary<string, decimal>())
        {
            values[k] = v;
        }
        drafts[ruleId] = new RuleSettingDraft(change.Enabled ?? current.Enabled, values);
        return drafts;
    }

    private static (GuardrailSettings?, FieldError?) Result((GuardrailSettings? Settings, IReadOnlyList<FieldError> Errors) r) =>
        (r.Settings, r.Errors.Count > 0 ? r.Errors[0] : null);

    private static string Known(IGuardrailRule rule) =>
        rule.Definition.Parameters.Count == 0 ? " It has only \"enabled\"." : " Settings: enabled, " + string.Join(", ", rule.Definition.Parameters.Select(p => p.Key)) + ".";

    private static string Format(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>A rule's settings as submitted or stored: anything absent keeps its current or default value.</summary>
public sealed record RuleSettingDraft(bool? Enabled, IReadOnlyDictionary<string, decimal>? Values);
