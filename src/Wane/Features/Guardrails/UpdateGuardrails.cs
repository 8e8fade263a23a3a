using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Guardrails;
using Wane.Features.Common;

namespace Wane.Features.Guardrails;

/// <summary>A change to one rule: absent fields keep their value.</summary>
public sealed record RuleChange(bool? Enabled, Dictionary<string, decimal>? Values);

/// <summary>Changes rules (all or nothing): absent fields keep their value, every bad value is named.</summary>
internal sealed class UpdateGuardrails(WaneDb db, IClock clock, Accounts.RequestProfile requestProfile, GuardrailQueries queries)
{
    public async Task<Outcome<GuardrailSettings>> UpdateAsync(string userId, IReadOnlyDictionary<string, RuleChange> changes, CancellationToken ct)
    {
        var outcome = await BuildAsync(userId, changes, ct).ConfigureAwait(false);
        if (outcome is Outcome<GuardrailSettings>.Ok ok)
        {
            await SaveAsync(userId, ok.Value, ct).ConfigureAwait(false);
        }
        return outcome;
    }

    /// <summary>Applies changes to the current settings and validates them, without saving.</summary>
    public async Task<Outcome<GuardrailSettings>> BuildAsync(string userId, IReadOnlyDictionary<string, RuleChange> changes, CancellationToken ct)
    {
        var current = await queries.GetAsync(userId, ct).ConfigureAwait(false);
        var drafts = current.Rules.ToDictionary(kv => kv.Key, kv => new RuleSettingDraft(kv.Value.Enabled, kv.Value.Values), StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var (id, change) in changes)
        {
            var rule = Domain.Guardrails.Guardrails.Find(id);
            if (rule is null)
            {
                errors.Add(new(id, $"There is no rule \"{id}\"."));
                continue;
            }
            if (change is null)
            {
                errors.Add(new(id, "Send the rule's change as an object, for example { \"enabled\": true, \"values\": { \"interval\": 5 } }."));
                continue;
            }
            var existing = drafts[rule.Definition.Id];
            var values = existing.Values!.ToDictionary(kv => kv.Key, kv => kv.Value);
            foreach (var (k, v) in change.Values ?? [])
            {
                values[k] = v;
            }
            drafts[rule.Definition.Id] = new RuleSettingDraft(change.Enabled ?? existing.Enabled, values);
        }
        var (settings, invalid) = GuardrailSettings.From(drafts);
        errors.AddRange(invalid);
        return errors.Count > 0 || settings is null ? Outcome<GuardrailSettings>.Fail(errors) : settings;
    }

    public async Task SaveAsync(string userId, GuardrailSettings settings, CancellationToken ct)
    {
        var json = Json(settings);
        var row = await db.GuardrailSettings.SingleOrDefaultAsync(g => g.UserId == userId, ct).ConfigureAwait(false);
        if (row is null)
        {
            db.GuardrailSettings.Add(new GuardrailSettingsRow { UserId = userId, Json = json, UpdatedAt = clock.GetCurrentInstant() });
        }
        else
        {
            row.Json = json;
            row.UpdatedAt = clock.GetCurrentInstant();
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        requestProfile.Forget();
    }

    /// <summary>The settings as stored (and exported): rule id to enabled and values.</summary>
    internal static string Json(GuardrailSettings settings) => JsonSerializer.Serialize(
        settings.Rules.ToDictionary(kv => kv.Key, kv => new RuleSettingDraft(kv.Value.Enabled, kv.Value.Values)), JsonSerializerOptions.Web);

    public static RouteGroupBuilder MapUpdateGuardrailsEndpoint(RouteGroupBuilder api)
    {
        api.MapPut("/guardrails", Handle).WithName("UpdateGuardrails").WithTags("Guardrails")
            .WithSummary("Change rules: { \"R1\": { \"enabled\": true, \"values\": { \"interval\": 5 } } }");
        return api;
    }

    private static async Task<Results<Ok<GuardrailsView>, ValidationProblem>> Handle(
        Dictionary<string, RuleChange> body, HttpContext http, UpdateGuardrails handler, CancellationToken ct) =>
        await handler.UpdateAsync(http.User.Id(), body, ct).ConfigureAwait(false) switch
        {
            Outcome<GuardrailSettings>.Ok ok => TypedResults.Ok(GuardrailQueries.View(ok.Value)),
            Outcome<GuardrailSettings>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };
}
