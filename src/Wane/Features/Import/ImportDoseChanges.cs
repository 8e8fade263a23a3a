using System.Text.Json;
using Wane.Domain.Time;
using Wane.Features.Export;
using Wane.Features.Journal;

namespace Wane.Features.Import;

/// <summary>
/// The audit trail of an import: the edits of each dose this import adds come with it, at their own
/// instants, their snapshots pointed at the products they became here. Entries of a dose already there
/// (or rejected) are skipped, as are those of doses deleted before the export: the file does not hold
/// those doses, so their entries would belong to no dose of this account.
/// </summary>
internal static class ImportDoseChanges
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static ImportCount Plan(IEnumerable<At<ExportDoseChange>> changes, ImportBatch batch, List<ImportRejection> rejected)
    {
        int add = 0, skip = 0, reject = 0;
        foreach (var (path, c) in changes)
        {
            if (c.Action is "deleted" or EditDose.Purged)
            {
                batch.Skip(path, $"A change ({c.Action}) of a dose deleted before the export: the file does not hold that dose, so its history stays in the file.");
                skip++;
                continue;
            }
            if (!batch.DoseFor.TryGetValue(c.DoseId, out var dose))
            {
                batch.Skip(path, $"A change of dose {c.DoseId}, which this import does not add (it is already there, or rejected).");
                skip++;
                continue;
            }
            if (c.Action != "edited" || TimeText.ParseInstant(c.At) is not { } at
                || Read(c.Before) is not { } before || Read(c.After) is not { } after || !Plausible(before) || !Plausible(after)
                || !batch.ProductFor.TryGetValue(before.ProductId, out var beforeProduct) || !batch.ProductFor.TryGetValue(after.ProductId, out var afterProduct))
            {
                rejected.Add(new(path, "A change of an imported dose is an edit (action \"edited\") with at as an RFC 3339 instant and before and after as exported, naming products of the file."));
                reject++;
                continue;
            }
            batch.Changes.Add(new PlannedChange(dose, at, before, beforeProduct, after, afterProduct));
            add++;
        }
        return new ImportCount("doseChanges", add, skip, reject);
    }

    /// <summary>A snapshot's text as a logged dose's would be: a known unit, a note within bounds without control characters.</summary>
    private static bool Plausible(EditDose.Snapshot s) =>
        Domain.Units.DoseUnits.TryParse(s.Unit, out _) && TimeText.ParseInstant(s.TakenAt) is not null
        && s.Note is not { Length: > Domain.Journal.DoseRules.MaxNoteLength } && !Domain.FreeText.HasControl(s.Note);

    private static EditDose.Snapshot? Read(JsonElement? snapshot)
    {
        if (snapshot is not { ValueKind: JsonValueKind.Object } e)
        {
            return null;
        }
        try
        {
            return e.Deserialize<EditDose.Snapshot>(Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
