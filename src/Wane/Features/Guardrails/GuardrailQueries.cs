using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Wane.Domain.Guardrails;
using Wane.Features.Common;

namespace Wane.Features.Guardrails;

/// <summary>One setting of a rule, with its current value, default and valid range.</summary>
public sealed record ParameterView(string Key, string Unit, decimal Value, decimal Default, decimal Min, decimal Max, string Description);

/// <summary>A rule as the settings page and API show it: what it checks, why, its source, on/off, parameters.</summary>
public sealed record RuleView(string Id, string Name, string Checks, string Why, string Source, bool Enabled, IReadOnlyList<ParameterView> Parameters);

/// <summary>Every rule with the person's settings.</summary>
public sealed record GuardrailsView(IReadOnlyList<RuleView> Rules);

/// <summary>A person's guardrail settings, stored as JSON per user; defaults until changed. Read for every dose logged.</summary>
internal sealed class GuardrailQueries(Accounts.RequestProfile requestProfile)
{
    public async Task<GuardrailSettings> GetAsync(string userId, CancellationToken ct)
    {
        var json = (await requestProfile.GetAsync(userId, ct).ConfigureAwait(false))?.GuardrailJson;
        if (json is null)
        {
            return GuardrailSettings.Defaults;
        }
        var drafts = JsonSerializer.Deserialize<Dictionary<string, RuleSettingDraft>>(json, JsonSerializerOptions.Web);
        // Stored settings were valid when saved; a rule or range changed since falls back to defaults.
        return GuardrailSettings.From(drafts).Settings ?? GuardrailSettings.Defaults;
    }

    public static GuardrailsView View(GuardrailSettings settings) => new(
        Domain.Guardrails.Guardrails.Rules.Select(r =>
        {
            var s = settings[r.Definition.Id];
            return new RuleView(r.Definition.Id, r.Definition.Name, r.Definition.Checks, r.Definition.Why, Advice.Cite(r.Definition.Source), s.Enabled,
                r.Definition.Parameters.Select(p => new ParameterView(p.Key, p.Unit, s[p.Key], p.Default, p.Min, p.Max, p.Description)).ToArray());
        }).ToArray());

    public static RouteGroupBuilder MapGetGuardrailsEndpoint(RouteGroupBuilder api)
    {
        api.MapGet("/guardrails", Handle).WithName("GetGuardrails").WithTags("Guardrails")
            .WithSummary("Every rule: what it checks, why, its source, and your settings");
        return api;
    }

    private static async Task<Ok<GuardrailsView>> Handle(HttpContext http, GuardrailQueries queries, CancellationToken ct) =>
        TypedResults.Ok(View(await queries.GetAsync(http.User.Id(), ct).ConfigureAwait(false)));
}
