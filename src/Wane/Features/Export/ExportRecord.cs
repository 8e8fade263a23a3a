using System.Buffers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;

namespace Wane.Features.Export;

/// <summary>How many rows of each kind an export held.</summary>
public sealed record ExportCounts(int Products, int Doses, int DoseChanges, int Breaks, int Plans, int CheckIns)
{
    public int Total => Products + Doses + DoseChanges + Breaks + Plans + CheckIns;
}

/// <summary>
/// Writes everything of one person as Wane's versioned JSON export, streaming: rows go from the
/// database reader to the output one at a time, so memory does not grow with years of history.
/// </summary>
internal sealed class ExportRecord(WaneDb db, NodaTime.IClock clock)
{
    /// <summary>The version of the format written; readers refuse versions they do not know.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>How many rows an export of this person will write (for a progress bar).</summary>
    public async Task<int> CountAsync(string userId, CancellationToken ct) =>
        await db.Products.CountAsync(p => p.UserId == userId, ct).ConfigureAwait(false)
        + await db.Doses.CountAsync(d => d.UserId == userId, ct).ConfigureAwait(false)
        + await db.DoseAudits.CountAsync(a => a.UserId == userId, ct).ConfigureAwait(false)
        + await db.Breaks.CountAsync(b => b.UserId == userId, ct).ConfigureAwait(false)
        + await db.Plans.CountAsync(p => p.UserId == userId, ct).ConfigureAwait(false)
        + await db.CheckIns.CountAsync(c => c.UserId == userId, ct).ConfigureAwait(false);

    /// <summary>Writes the export to <paramref name="output"/>; <paramref name="onRow"/> is told after each row.</summary>
    public async Task<ExportCounts> WriteJsonAsync(string userId, Stream output, Action? onRow, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct).ConfigureAwait(false);
        var guardrails = await db.GuardrailSettings.AsNoTracking().Where(g => g.UserId == userId).Select(g => g.Json).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        // The writer fills a buffer that is drained to the output asynchronously: writing to the
        // response stream synchronously is not allowed, and the buffer stays small.
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
        var sink = new Sink(json, buffer, output);
        json.WriteStartObject();
        json.WriteString("format", "wane-export");
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("exportedAt", TimeText.Format(clock.GetCurrentInstant()));
        json.WritePropertyName("profile");
        JsonSerializer.Serialize(json, new ExportProfile(user.UserName ?? "", user.TimeZone, user.DayStartHour, user.PreferredUnit,
            user.HoldThreshold, user.HoldRise, TimeText.Format(user.CreatedAt)), Options);
        json.WritePropertyName("guardrails");
        if (guardrails is null)
        {
            json.WriteNullValue();
        }
        else
        {
            using var settings = JsonDocument.Parse(guardrails);
            settings.RootElement.WriteTo(json);
        }

        var products = await ArrayAsync(sink, "products", db.Products.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.Id), Product, onRow, ct).ConfigureAwait(false);
        var doses = await ArrayAsync(sink, "doses", db.Doses.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Id), Dose, onRow, ct).ConfigureAwait(false);
        var changes = await ArrayAsync(sink, "doseChanges", db.DoseAudits.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id), Change, onRow, ct).ConfigureAwait(false);
        var breaks = await ArrayAsync(sink, "breaks", db.Breaks.AsNoTracking().Where(b => b.UserId == userId).OrderBy(b => b.Id), Break, onRow, ct).ConfigureAwait(false);
        var holds = (await db.PlanHolds.AsNoTracking().Where(h => h.UserId == userId).OrderBy(h => h.Id).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(h => h.PlanId);
        var plans = await ArrayAsync(sink, "plans", db.Plans.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.Id), p => Plan(p, holds[p.Id]), onRow, ct).ConfigureAwait(false);
        var checkIns = await ArrayAsync(sink, "checkIns", db.CheckIns.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id), CheckIn, onRow, ct).ConfigureAwait(false);
        json.WriteEndObject();
        await sink.DrainAsync(ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
        return new ExportCounts(products, doses, changes, breaks, plans, checkIns);
    }

    private sealed record Sink(Utf8JsonWriter Json, ArrayBufferWriter<byte> Buffer, Stream Output)
    {
        public async Task DrainAsync(CancellationToken ct)
        {
            Json.Flush();
            await Output.WriteAsync(Buffer.WrittenMemory, ct).ConfigureAwait(false);
            Buffer.ResetWrittenCount();
        }
    }

    private static async Task<int> ArrayAsync<TRow, TOut>(Sink sink, string name, IQueryable<TRow> rows, Func<TRow, TOut> map, Action? onRow, CancellationToken ct)
    {
        var json = sink.Json;
        json.WriteStartArray(name);
        var count = 0;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
        {
            JsonSerializer.Serialize(json, map(row), Options);
            count++;
            onRow?.Invoke();
            if (json.BytesPending + sink.Buffer.WrittenCount > 32_768)
            {
                await sink.DrainAsync(ct).ConfigureAwait(false);
            }
        }
        json.WriteEndArray();
        return count;
    }

    private static ExportProduct Product(Product p) => new(
        p.Id, p.Name, WireName.Of(p.Kind), p.Strain, WireName.Of(p.Form), p.Opioid is { } o ? WireName.Of(o) : null,
        p.OtherClass is { } c ? WireName.Of(c) : null, p.GramsPerCapsule, p.GramsPerTeaspoon, p.MgPerTablet, p.MgPerMl,
        p.Concentrated7OH, p.InStock, p.Batch, [.. FavouriteAmounts.Parse(p.Favourites).Select(a => new ExportFavourite(a.Value, a.Unit.Name()))],
        TimeText.Format(p.CreatedAt), TimeText.Format(p.UpdatedAt), p.ArchivedAt is { } archived ? TimeText.Format(archived) : null);

    private static ExportDose Dose(Dose d) => new(
        d.Id, d.ProductId, WireName.Of(d.Kind), d.Amount, d.Unit.Name(), TimeText.Format(d.TakenAt),
        d.Meal is { } m ? WireName.Of(m) : null, d.Reason is { } r ? WireName.Of(r) : null, d.PainBefore, d.Note, d.ClientId,
        d.NormalizedAmount, d.NormalizedUnit?.Name(), d.NormalizationNote is { } n ? WireName.Of(n) : null,
        TimeText.Format(d.CreatedAt), TimeText.Format(d.UpdatedAt));

    private static ExportDoseChange Change(DoseAudit a) => new(a.Id, a.DoseId, TimeText.Format(a.At), a.Action, Element(a.Before), Element(a.After));

    private static ExportBreak Break(Break b) => new(b.Id, TimeText.Format(b.From), TimeText.Format(b.To), b.Note, TimeText.Format(b.CreatedAt));

    private static ExportPlan Plan(PlanRow p, IEnumerable<PlanHold> holds) => new(
        p.Id, WireName.Of(p.Status), Element(p.RequestJson)!.Value, p.ReplacesPlanId, TimeText.Format(p.CreatedAt), p.EndedAt is { } e ? TimeText.Format(e) : null,
        [.. holds.Select(h => new ExportHold(h.Id, TimeText.Format(h.From), h.To is { } t ? TimeText.Format(t) : null, h.Reason, TimeText.Format(h.CreatedAt)))]);

    private static ExportCheckIn CheckIn(CheckInRow c) => new(
        c.Id, WireName.Of(c.Instrument), TimeText.Format(c.TakenAt), Element(c.AnswersJson)!.Value, c.Score, c.Band,
        c.RedFlags is { Length: > 0 } f ? f.Split(',') : [], c.HoldOverriddenAt is { } h ? TimeText.Format(h) : null, TimeText.Format(c.CreatedAt));

    private static JsonElement? Element(string? json)
    {
        if (json is null)
        {
            return null;
        }
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
