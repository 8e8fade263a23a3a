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

/// <summary>One setting of a rule, with its current value, default and valid range.</summary>
public sealed record ParameterView(string Key, string Unit, decimal Value, decimal Default, decimal Min, decimal Max, string Description);

/// <summary>A rule as the settings page and API show it: what it checks, why, its source, on/off, parameters.</summary>
public sealed record RuleView(string Id, string Name, string Checks, string Why, string Source, bool Enabled, IReadOnlyList<ParameterView> Parameters);

/// <summary>Every rule with the person's settings.</summary>
public sealed record GuardrailsView(IReadOnlyList<RuleView> Rules);

/// <summary>A change to one rule: absent fields keep their value.</summary>
public sealed record RuleChange(bool? Enabled, Dictionary<string, decimal>? Values);

/// <summary>A person's guardrail settings, stored as JSON per user; defaults until changed.</summary>
internal sealed class GuardrailStore(WaneDb db, IClock clock, Accounts.RequestProfile requestProfile)
{
    // Read for every dose logged.
    private static readonly Func<WaneDb, string, CancellationToken, Task<string?>> ReadJson =
        EF.CompileAsyncQuery((WaneDb db, string userId, CancellationToken ct) =>
            db.GuardrailSettings.AsNoTracking().Where(g => g.UserId == userId).Select(g => g.Json).SingleOrDefault());

    public async Task<GuardrailSettings> GetAsync(string userId, CancellationToken ct)
    {
        var json = requestProfile.TryGuardrails(userId, out var known) ? known : await ReadJson(db, userId, ct).ConfigureAwait(false);
        if (json is null)
        {
            return GuardrailSettings.Defaults;
        }
        var drafts = JsonSerializer.Deserialize<Dictionary<string, RuleSettingDraft>>(json, JsonSerializerOptions.Web);
        // Stored settings were valid when saved; a rule or range changed since falls back to defaults.
        return GuardrailSettings.From(drafts).Settings ?? GuardrailSettings.Defaults;
    }

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
        var current = await GetAsync(userId, ct).ConfigureAwait(false);
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
        var json = JsonSerializer.Serialize(
            settings.Rules.ToDictionary(kv => kv.Key, kv => new RuleSettingDraft(kv.Value.Enabled, kv.Value.Values)), JsonSerializerOptions.Web);
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
        requestProfile.RememberGuardrails(userId, json);
    }

    public static GuardrailsView View(GuardrailSettings settings) => new(
        Domain.Guardrails.Guardrails.Rules.Select(r =>
        {
            var s = settings[r.Definition.Id];
            return new RuleView(r.Definition.Id, r.Definition.Name, r.Definition.Checks, r.Definition.Why, Advice.Cite(r.Definition.Source), s.Enabled,
                r.Definition.Parameters.Select(p => new ParameterView(p.Key, p.Unit, s[p.Key], p.Default, p.Min, p.Max, p.Description)).ToArray());
        }).ToArray());
}

internal static class GuardrailEndpoints
{
    public static RouteGroupBuilder MapGuardrailEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/guardrails", Get).WithName("GetGuardrails").WithTags("Guardrails")
            .WithSummary("Every rule: what it checks, why, its source, and your settings");
        api.MapPut("/guardrails", Put).WithName("UpdateGuardrails").WithTags("Guardrails")
            .WithSummary("Change rules: { \"R1\": { \"enabled\": true, \"values\": { \"interval\": 5 } } }");
        return api;
    }

    private static async Task<Ok<GuardrailsView>> Get(HttpContext http, GuardrailStore store, CancellationToken ct) =>
        TypedResults.Ok(GuardrailStore.View(await store.GetAsync(http.User.Id(), ct).ConfigureAwait(false)));

    private static async Task<Results<Ok<GuardrailsView>, ValidationProblem>> Put(
        Dictionary<string, RuleChange> body, HttpContext http, GuardrailStore store, CancellationToken ct) =>
        await store.UpdateAsync(http.User.Id(), body, ct).ConfigureAwait(false) switch
        {
            Outcome<GuardrailSettings>.Ok ok => TypedResults.Ok(GuardrailStore.View(ok.Value)),
            Outcome<GuardrailSettings>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };
}
