using System.Text;
using System.Text.Json;
using Wane.Domain;
using Wane.Features.Export;

namespace Wane.Features.Import;

/// <summary>A record of the file with the path it was read at (<c>doses[3]</c>).</summary>
internal sealed record At<T>(string Path, T Value);

/// <summary>
/// Wane's own export, read. The lists are read record by record as they are walked (once), so a large
/// file is never held a second time as objects; a record that cannot be read is added to
/// <see cref="Unreadable"/> when it is reached.
/// </summary>
internal sealed record WaneFile(
    ExportProfile? Profile, JsonElement? Guardrails, IEnumerable<At<ExportProduct>> Products, IEnumerable<At<ExportDose>> Doses,
    IEnumerable<At<ExportBreak>> Breaks, IEnumerable<At<ExportPlan>> Plans, IEnumerable<At<ExportCheckIn>> CheckIns, IEnumerable<At<ExportDoseChange>> DoseChanges,
    IReadOnlyList<ImportRejection> Unreadable);

/// <summary>
/// Reads Wane's JSON export (docs/export-format.md). A file that is not JSON, not a Wane export or
/// of an unknown <c>schemaVersion</c> is refused as a whole; a record that does not have the
/// documented shape is a rejection at its path, so a dry run can list them all. The file is walked
/// once with a reader over its bytes, noting where each record starts and ends, rather than parsed
/// into a document as large again as the file.
/// </summary>
internal static class ReadWaneExport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 32,
    };

    private static readonly HashSet<string> Lists = new(["products", "doses", "doseChanges", "breaks", "plans", "checkIns"], StringComparer.Ordinal);

    public static WaneFile Read(byte[] bytes)
    {
        var body = ImportLimits.Utf8Body(bytes);
        var bad = new List<ImportRejection>();
        var (values, lists) = Walk(body.Span, bad);
        if (!values.TryGetValue("format", out var format) || !IsString(body.Span[format], "wane-export"))
        {
            throw new ImportFileException(new FieldError("format", "This is not a Wane export: \"format\" must be \"wane-export\". For a PsychonautWiki Journal file choose format=psychonautwiki; for a spreadsheet, format=csv."));
        }
        if (!values.TryGetValue("schemaVersion", out var version) || Int(body.Span[version]) != ExportRecord.SchemaVersion)
        {
            throw new ImportFileException(new FieldError("schemaVersion",
                $"This Wane reads schemaVersion {ExportRecord.SchemaVersion}; the file says {(values.TryGetValue("schemaVersion", out var s) ? Encoding.UTF8.GetString(body.Span[s]) : "nothing")}. Export again from a Wane of the same version, or update this one."));
        }
        var profile = values.TryGetValue("profile", out var p) ? Convert<ExportProfile>(body[p], "profile", bad) : null;
        JsonElement? guardrails = null;
        if (values.TryGetValue("guardrails", out var g))
        {
            using var doc = JsonDocument.Parse(body[g]);
            guardrails = doc.RootElement.ValueKind == JsonValueKind.Null ? null : doc.RootElement.Clone();
        }
        IEnumerable<At<T>> Many<T>(string name) where T : class =>
            lists.TryGetValue(name, out var ranges) ? Records<T>(body, name, ranges, bad) : [];
        return new WaneFile(profile, guardrails, Many<ExportProduct>("products"), Many<ExportDose>("doses"),
            Many<ExportBreak>("breaks"), Many<ExportPlan>("plans"), Many<ExportCheckIn>("checkIns"), Many<ExportDoseChange>("doseChanges"), bad);
    }

    /// <summary>Where each top-level value, and each record of the lists, lies in the file.</summary>
    private static (Dictionary<string, Range> Values, Dictionary<string, List<Range>> Lists) Walk(ReadOnlySpan<byte> body, List<ImportRejection> bad)
    {
        var values = new Dictionary<string, Range>(StringComparer.Ordinal);
        var lists = new Dictionary<string, List<Range>>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                throw new ImportFileException(new FieldError("file", "A Wane export is one JSON object; this file holds something else."));
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (Lists.Contains(name) && reader.TokenType == JsonTokenType.StartArray)
                {
                    var ranges = new List<Range>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        ranges.Add(start..(int)reader.BytesConsumed);
                    }
                    lists[name] = ranges;
                    continue;
                }
                if (Lists.Contains(name) && reader.TokenType != JsonTokenType.Null)
                {
                    bad.Add(new(name, "Expected a list ([...])."));
                }
                var at = (int)reader.TokenStartIndex;
                reader.Skip();
                values[name] = at..(int)reader.BytesConsumed;
            }
            // Anything after the object (a second value, a cut) is an error of the reader.
            reader.Read();
        }
        catch (JsonException e)
        {
            throw new ImportFileException(new FieldError("file",
                $"The file is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): it may be cut short or not a Wane export."));
        }
        return (values, lists);
    }

    private static bool IsString(ReadOnlySpan<byte> value, string expected)
    {
        var reader = new Utf8JsonReader(value);
        return reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(expected);
    }

    private static int? Int(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value);
        return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : null;
    }

    private static IEnumerable<At<T>> Records<T>(ReadOnlyMemory<byte> body, string name, List<Range> ranges, List<ImportRejection> bad) where T : class
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            var path = $"{name}[{i}]";
            if (Convert<T>(body[ranges[i]], path, bad) is { } value)
            {
                yield return new(path, value);
            }
        }
    }

    private static T? Convert<T>(ReadOnlyMemory<byte> json, string path, List<ImportRejection> bad) where T : class
    {
        try
        {
            if (JsonSerializer.Deserialize<T>(json.Span, Options) is { } value)
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
