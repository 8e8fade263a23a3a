using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Tapering;
using Wane.Domain.Time;
using Wane.Features.Export;
using Wane.Features.Tapering;

namespace Wane.Features.Import;

/// <summary>
/// The taper plans of an import, with their holds. A plan is the request it was made from (the
/// schedule is recomputed from it); one already there (same creation time and request) is skipped.
/// A second active plan is refused: a person has one plan at a time.
/// </summary>
internal static class ImportPlans
{

    public static async Task<ImportCount> PlanAsync(
        WaneDb db, string userId, IEnumerable<At<ExportPlan>> plans, Instant now, ImportBatch batch, List<ImportRejection> rejected, CancellationToken ct)
    {
        int add = 0, skip = 0, reject = 0;
        var existing = await db.Plans.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.CreatedAt, p.RequestJson, p.Status }).ToListAsync(ct).ConfigureAwait(false);
        var hasActive = existing.Any(p => p.Status == PlanStatus.Active);
        foreach (var (path, p) in plans)
        {
            var createdAt = TimeText.ParseInstant(p.CreatedAt);
            if (createdAt is null || !WireName.TryParse<PlanStatus>(p.Status, out var status))
            {
                rejected.Add(new(createdAt is null ? $"{path}.createdAt" : $"{path}.status",
                    createdAt is null ? "Use an RFC 3339 instant, for example 2026-11-25T13:30:00Z." : "The status is one of " + string.Join(", ", WireName.All<PlanStatus>()) + "."));
                reject++;
                continue;
            }
            var requestJson = Request(p.Request);
            if (requestJson is null)
            {
                rejected.Add(new($"{path}.request", "The plan's request is not a plan as Wane makes them (phases with substance, amount, unit, pace)."));
                reject++;
                continue;
            }
            if (existing.Any(e => e.CreatedAt == createdAt && e.RequestJson == requestJson))
            {
                batch.Skip(path, $"The plan made at {p.CreatedAt} from the same request is already there.");
                skip++;
                continue;
            }
            if (status == PlanStatus.Active && hasActive)
            {
                rejected.Add(new($"{path}.status", "You already have an active taper plan; end it first to import this one, or import the valid rows only."));
                reject++;
                continue;
            }
            var holds = new List<PlanHold>();
            foreach (var (h, i) in p.Holds.Select((h, i) => (h, i)))
            {
                if (TimeText.ParseDate(h.From) is not { } from || (h.To is not null && TimeText.ParseDate(h.To) is null))
                {
                    rejected.Add(new($"{path}.holds[{i}].from", "A hold's from and to are dates (YYYY-MM-DD)."));
                    continue;
                }
                holds.Add(new PlanHold
                {
                    UserId = userId, From = from, To = h.To is null ? null : TimeText.ParseDate(h.To),
                    Reason = FreeText.Normalize(h.Reason) is { Length: <= 500 } r && !FreeText.HasControl(r) ? r : null,
                    CreatedAt = TimeText.ParseInstant(h.CreatedAt) ?? now,
                });
            }
            hasActive |= status == PlanStatus.Active;
            batch.Plans.Add(new(new PlanRow
            {
                UserId = userId, Status = status.Value, RequestJson = requestJson, CreatedAt = createdAt.Value,
                EndedAt = p.EndedAt is null ? null : TimeText.ParseInstant(p.EndedAt) ?? now,
            }, p.Id, p.ReplacesPlanId, holds));
            add++;
        }
        return new ImportCount("plans", add, skip, reject);
    }

    /// <summary>The request as Wane stores it, or null when it is not a plan request with phases.</summary>
    private static string? Request(JsonElement request)
    {
        try
        {
            var body = request.Deserialize<PlanBody>(JsonSerializerOptions.Web);
            if (body?.Phases is not { Count: > 0 } phases || phases.Count > 8
                || phases.Any(ph => ph.StartAmount is null or <= 0 or > 1_000_000 || ph.Unit is null || ph.Substance is null))
            {
                return null;
            }
            return JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
