using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Features.Common;
using Wane.Domain.Guardrails;
using Wane.Features.Guardrails;

namespace Wane.Features.Import;

/// <summary>
/// The guardrail settings of an import, checked by the same rules as <c>PUT /api/v1/guardrails</c>.
/// They are taken when the account still has the defaults (it never changed a rule); settings a
/// person chose on this instance are kept, and the report says so.
/// </summary>
internal sealed class ImportGuardrails(WaneDb db, UpdateGuardrails update)
{
    public async Task<ImportCount> PlanAsync(string userId, JsonElement? file, ImportBatch batch, List<ImportRejection> rejected, List<string> notes, CancellationToken ct)
    {
        if (file is not { } settings)
        {
            return new ImportCount("guardrails", 0, 0, 0);
        }
        Dictionary<string, RuleChange>? changes;
        try
        {
            changes = settings.Deserialize<Dictionary<string, RuleChange>>(JsonSerializerOptions.Web);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            changes = null;
        }
        if (changes is null)
        {
            rejected.Add(new("guardrails", "Guardrail settings are an object of rule ids, each with enabled and values, as exported (docs/export-format.md)."));
            return new ImportCount("guardrails", 0, 0, 1);
        }
        if (await db.GuardrailSettings.AnyAsync(g => g.UserId == userId, ct).ConfigureAwait(false))
        {
            notes.Add("Your guardrail settings are kept as they are: this account has settings of its own. Compare them on the Guardrails page.");
            return new ImportCount("guardrails", 0, 1, 0);
        }
        switch (await update.BuildAsync(userId, changes, ct).ConfigureAwait(false))
        {
            case Outcome<GuardrailSettings>.Ok ok:
                batch.Guardrails = UpdateGuardrails.Json(ok.Value);
                notes.Add("Your guardrail settings are taken from the file: this account still had the defaults.");
                return new ImportCount("guardrails", 1, 0, 0);
            case Outcome<GuardrailSettings>.Invalid bad:
                rejected.AddRange(bad.Errors.Select(e => new ImportRejection($"guardrails.{e.Field}", e.Message)));
                return new ImportCount("guardrails", 0, 0, 1);
            case var other:
                throw new InvalidOperationException(other.ToString());
        }
    }
}
