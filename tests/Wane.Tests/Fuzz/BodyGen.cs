using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Wane.Tests.Fuzz;

/// <summary>
/// Generated JSON request bodies: a valid-shaped template with a few of its fields removed, retyped or
/// replaced by odd values (huge and tiny numbers, strings with control characters, dates at the ends of
/// the calendar, deep nesting), plus whole bodies that are not the right shape or not JSON at all.
/// Values are JSON text, so numbers no .NET type can hold (1e400) can be sent too.
/// </summary>
internal static class BodyGen
{
    private static readonly string[] OddNumbers =
    [
        "0", "-0", "-1", "1", "0.5", "1e2", "1E2", "-1e2", "1e-7", "1e400", "-1e400", "1e-400", "0.0000000000000000000000000001",
        "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "18446744073709551616",
        "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950336", "1.00000000000000000000000000001",
        "100", "100.00001", "101", "99.99999", "1000000", "12.34567", "3.14159265358979323846264338327950288",
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", "\t", "\n", "\r\n", "null", "true", "1e2", "0x10", "NaN", "Infinity", "-Infinity", "1,5", "0,5", "½", "٣", "１２",
        "\u0000", "\u001b[2J", "\u001b]0;owned\u0007", "a\u0000b", "\u0085", "\u009b31m", "\u202e", "\ufeff", "\u2028", "😀", "g", "mg", "µg", "tsp",
        "kratom", "oxycodone", "sows", "daily", "cows", "percent", "linear", "steps", "cdc-short", "before", "after", "pain", "liver",
        "America/New_York", "Mars/Olympus_Mons", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "${jndi:x}",
        "0000-01-01", "0001-01-01", "1899-12-31", "1900-01-01", "2200-12-31", "2201-01-01", "9999-12-31", "-0001-01-01", "2026-02-30", "2026-11-25",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-18:00", "9999-12-31T23:59:59+18:00", "0000-01-01T00:00:00+14:00", "2026-11-25T08:30:00-05:00",
        "2026-11-25T08:30:00", "2026-11-25 08:30", "2026-11-25T25:61:61Z", "2026-13-01T00:00:00Z", "00000000-0000-0000-0000-000000000000",
    ];

    private static readonly string[] OddRaw =
    [
        "null", "true", "false", "{}", "[]", "[null]", "[1,2,3]", "[\"a\"]", "{\"a\":1}", "[[[]]]", "\"\\ud800\"", "\"\\udfff\"", "\"\\u0000\"",
        new string('[', 40) + new string(']', 40), "{\"kind\":{\"kind\":{\"kind\":{}}}}", "[" + string.Join(",", Enumerable.Repeat("1e308", 50)) + "]",
    ];

    private static readonly string[] Offsets = ["Z", "+00:00", "-05:00", "+05:45", "+14:00", "-12:00", "+18:00", "-18:00", "+23:59"];

    private static string Quote(string s) => JsonSerializer.Serialize(s);

    /// <summary>A date as text, with years over the whole of what four digits hold (and months and days a little past their ends).</summary>
    private static readonly Gen<string> Dates =
        Gen.Select(Gen.Frequency((3, Gen.Int[1895, 2205]), (1, Gen.Int[0, 9999])), Gen.Int[0, 13], Gen.Int[0, 32])
            .Select((y, m, d) => string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}-{d:D2}"));

    private static readonly Gen<string> Instants =
        Gen.Select(Dates, Gen.Int[0, 24], Gen.Int[0, 60], Gen.OneOf(Offsets))
            .Select((date, h, min, off) => string.Create(CultureInfo.InvariantCulture, $"{date}T{h:D2}:{min:D2}:00{off}"));

    /// <summary>Strings from the whole of the first Unicode planes, control characters included.</summary>
    private static readonly Gen<string> Texts = Gen.Frequency(
        (4, Gen.Char['\0', '\u02ff'].Array[0, 24].Select(c => new string(c))),
        (2, Gen.Char.Array[0, 24].Select(c => new string(c))),
        (1, Gen.Select(Gen.Int[1, 6000], Gen.Char['a', 'z']).Select((n, c) => new string(c, n))),
        (1, Gen.Select(Gen.String[0, 10], Gen.Char['\0', '\u001f'], Gen.String[0, 10]).Select((a, c, b) => a + c + b)));

    /// <summary>A JSON string value.</summary>
    private static readonly Gen<string> Strings = Gen.Frequency(
        (4, Gen.OneOf(OddStrings)),
        (2, Dates), (2, Instants),
        (3, Texts),
        (1, Gen.Guid.Select(g => g.ToString())),
        (1, Gen.Decimal.Select(d => d.ToString(CultureInfo.InvariantCulture)))).Select(Quote);

    /// <summary>A JSON number token.</summary>
    private static readonly Gen<string> Numbers = Gen.Frequency(
        (4, Gen.OneOf(OddNumbers)),
        (2, Gen.Int[-5, 200].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.Decimal.Select(d => d.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Select(Gen.Int[0, 100], Gen.Int[0, 99999]).Select((i, f) => string.Create(CultureInfo.InvariantCulture, $"{i}.{f}"))));

    /// <summary>Any JSON value, as text.</summary>
    public static readonly Gen<string> Values = Gen.Frequency(
        (5, Strings), (5, Numbers), (2, Gen.OneOf(OddRaw)),
        (1, Numbers.Array[0, 20].Select(a => "[" + string.Join(",", a) + "]")),
        (1, Strings.Array[0, 5].Select(a => "[" + string.Join(",", a) + "]")));

    private enum Op { Remove, Replace, Add }

    /// <summary>Bodies for one endpoint, from its templates.</summary>
    public static Gen<string> For(FuzzEndpoint endpoint)
    {
        var templates = endpoint.Templates;
        var paths = templates.Select(t => Paths(JsonNode.Parse(t)!, "").ToArray()).ToArray();
        var mutation = Gen.Select(Gen.OneOf(Op.Remove, Op.Replace, Op.Replace, Op.Replace, Op.Add), Gen.Int[0, 1000], Values);
        var mutated = Gen.Select(Gen.Int[0, templates.Count - 1], mutation.Array[1, 4])
            .Select((t, ops) => Mutate(templates[t], paths[t], endpoint.ExtraKeys, ops));
        return Gen.Frequency(
            (1, Gen.OneOf([.. templates])),
            (14, mutated),
            (1, Values),
            (1, Gen.Select(Gen.Int[0, templates.Count - 1], Gen.Int[0, 200]).Select((t, n) => templates[t][..Math.Min(n, templates[t].Length)])),
            (1, Texts));
    }

    private static string Mutate(string template, string[] paths, IReadOnlyList<(string Key, string Value)> extra, (Op Op, int Pick, string Value)[] ops)
    {
        var root = JsonNode.Parse(template)!;
        var raw = new List<string>();
        foreach (var (op, pick, value) in ops)
        {
            var path = paths[pick % paths.Length];
            var (parent, key, index) = Locate(root, path);
            var marker = JsonValue.Create($"__raw_{raw.Count}__");
            switch (op)
            {
                case Op.Remove when parent is JsonObject o:
                    o.Remove(key!);
                    continue;
                case Op.Add when parent is JsonObject o:
                    var (k, v) = extra.Count > 0 && pick % 3 != 0 ? extra[pick % extra.Count] : ("unknownField", value);
                    o[k] = JsonValue.Create($"__raw_{raw.Count}__");
                    raw.Add(pick % 2 == 0 ? v : value);
                    continue;
                case Op.Replace or Op.Remove or Op.Add when parent is JsonObject o && o.ContainsKey(key!):
                    o[key!] = marker;
                    break;
                case Op.Replace or Op.Remove or Op.Add when parent is JsonArray a && index < a.Count:
                    a[index] = marker;
                    break;
                default:
                    continue;
            }
            raw.Add(value);
        }
        var text = root.ToJsonString();
        for (var i = 0; i < raw.Count; i++)
        {
            text = text.Replace($"\"__raw_{i}__\"", raw[i], StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>Every property and array element, as paths like <c>pace.amounts[1]</c>.</summary>
    private static IEnumerable<string> Paths(JsonNode node, string prefix)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    var p = prefix.Length == 0 ? k : prefix + "." + k;
                    yield return p;
                    foreach (var sub in v is null ? [] : Paths(v, p))
                    {
                        yield return sub;
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var p = string.Create(CultureInfo.InvariantCulture, $"{prefix}[{i}]");
                    yield return p;
                    foreach (var sub in a[i] is null ? [] : Paths(a[i]!, p))
                    {
                        yield return sub;
                    }
                }
                break;
        }
    }

    /// <summary>The parent of a path and the key or index of its last step; null parent when an earlier mutation removed it.</summary>
    private static (JsonNode? Parent, string? Key, int Index) Locate(JsonNode root, string path)
    {
        var steps = System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value).ToArray();
        JsonNode? node = root;
        for (var i = 0; i < steps.Length - 1 && node is not null; i++)
        {
            node = Step(node, steps[i]);
        }
        var last = steps[^1];
        return last.StartsWith('[')
            ? (node as JsonArray, null, int.Parse(last[1..^1], CultureInfo.InvariantCulture))
            : (node as JsonObject, last, -1);
    }

    private static JsonNode? Step(JsonNode node, string step) => step.StartsWith('[')
        ? node is JsonArray a && int.Parse(step[1..^1], CultureInfo.InvariantCulture) is var i && i < a.Count ? a[i] : null
        : node is JsonObject o && o.TryGetPropertyValue(step, out var v) ? v : null;
}
