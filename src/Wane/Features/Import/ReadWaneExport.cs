using System.Text.Json;
using Wane.Domain;
using Wane.Features.Export;

namespace Wane.Features.Import;

/// <summary>A record of the file with the path it was read at (<c>doses[3]</c>).</summary>
internal sealed record At<T>(string Path, T Value);

/// <summary>Wane's own export, read: each record that could be read, and those that could not.</summary>
internal sealed record WaneFile(
    ExportProfile? Profile, bool HasGuardrails, IReadOnlyList<At<ExportProduct>> Products, IReadOnlyList<At<ExportDose>> Doses,
    IReadOnlyList<At<ExportBreak>> Breaks, IReadOnlyList<At<ExportPlan>> Plans, IReadOnlyList<At<ExportCheckIn>> CheckIns, int DoseChanges,
    IReadOnlyList<ImportRejection> Unreadable);

/// <summary>
/// Reads Wane's JSON export (docs/export-format.md). A file that is not JSON, not a Wane export or
/// of an unknown <c>schemaVersion</c> is refused as a whole; a record that does not have the
/// documented shape is a rejection at its path, so a dry run can list them all.
/// </summary>
internal static class ReadWaneExport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 32,
    };

    public static WaneFile Read(byte[] bytes)
    {
        var text = ImportLimits.Text(bytes);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new ImportFileException(new FieldError("file",
                $"The file is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): it may be cut short or not a Wane export."));
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ImportFileException(new FieldError("file", "A Wane export is one JSON object; this file holds something else."));
            }
            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || !format.ValueEquals("wane-export"))
            {
                throw new ImportFileException(new FieldError("format", "This is not a Wane export: \"format\" must be \"wane-export\". For a PsychonautWiki Journal file choose format=psychonautwiki; for a spreadsheet, format=csv."));
            }
            if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var v) || v != ExportRecord.SchemaVersion)
            {
                throw new ImportFileException(new FieldError("schemaVersion",
                    $"This Wane reads schemaVersion {ExportRecord.SchemaVersion}; the file says {(root.TryGetProperty("schemaVersion", out var s) ? s.GetRawText() : "nothing")}. Export again from a Wane of the same version, or update this one."));
            }
            var bad = new List<ImportRejection>();
            var profile = One<ExportProfile>(root, "profile", bad);
            return new WaneFile(
                profile,
                root.TryGetProperty("guardrails", out var g) && g.ValueKind == JsonValueKind.Object,
                Many<ExportProduct>(root, "products", bad), Many<ExportDose>(root, "doses", bad),
                Many<ExportBreak>(root, "breaks", bad), Many<ExportPlan>(root, "plans", bad),
                Many<ExportCheckIn>(root, "checkIns", bad), Length(root, "doseChanges"), bad);
        }
    }

    private static int Length(JsonElement root, string name) =>
        root.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.GetArrayLength() : 0;

    private static T? One<T>(JsonElement root, string name, List<ImportRejection> bad) where T : class
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return Convert<T>(e, name, bad);
    }

    private static List<At<T>> Many<T>(JsonElement root, string name, List<ImportRejection> bad) where T : class
    {
        var list = new List<At<T>>();
        if (!root.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return list;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            bad.Add(new(name, "Expected a list ([...])."));
            return list;
        }
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{name}[{i++}]";
            if (Convert<T>(item, path, bad) is { } value)
            {
                list.Add(new(path, value));
            }
        }
        return list;
    }

    private static T? Convert<T>(JsonElement e, string path, List<ImportRejection> bad) where T : class
    {
        try
        {
            if (e.Deserialize<T>(Options) is { } value)
            {
                return value;
            }
            bad.Add(new(path, "Expected an object, found null."));
        }
        catch (JsonException ex)
        {
            var at = ex.Path is { Length: > 1 } p ? path + p[1..] : path;
            bad.Add(new(at, "This record does not have the documented shape (docs/export-format.md): " + Shorten(ex.Message)));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or FormatException or OverflowException)
        {
            bad.Add(new(path, "This record does not have the documented shape (docs/export-format.md)."));
        }
        return null;
    }

    private static string Shorten(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
