using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Wane.Tests.Support;

/// <summary>
/// Holds every <c>/api/</c> response a test receives to the OpenAPI description the app serves:
/// the operation must document the status, and the body must validate against that status's
/// schema (formats included). A test that meets an undocumented status or a body the description
/// does not allow fails with what differed, so the contract cannot drift from the code.
/// </summary>
public sealed class ContractCheckingHandler(Func<Task<JsonObject>> document) : DelegatingHandler(new HttpClientHandler())
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);
    private static int s_schemaCount;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Contract? _contract;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // Routing ignores a trailing slash; so does the check.
        var path = request.RequestUri!.AbsolutePath.TrimEnd('/');
        // A request for another host name is refused by host filtering before it reaches the API.
        var otherHost = request.Headers.Host is { } host && !string.Equals(host, request.RequestUri.Authority, StringComparison.OrdinalIgnoreCase);
        if (!otherHost && (path.StartsWith("/api/v1/", StringComparison.Ordinal) || path == "/api/v1"))
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var contract = await ContractAsync();
            var problem = contract.Check(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
            if (problem is not null)
            {
                throw new ContractViolationException($"{request.Method} {path} → {(int)response.StatusCode}: {problem}\nBody: {Truncate(body)}");
            }
        }
        return response;
    }

    private async Task<Contract> ContractAsync()
    {
        if (_contract is { } known)
        {
            return known;
        }
        await _gate.WaitAsync();
        try
        {
            return _contract ??= new Contract(await document());
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Truncate(string s) => s.Length > 600 ? s[..600] + "…" : s;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>The served description, indexed by path template and method.</summary>
    public sealed class Contract
    {
        private readonly List<(Regex Pattern, string Template, JsonObject Item)> _paths = [];
        private readonly JsonObject _defs;
        private readonly string _key;

        public Contract(JsonObject document)
        {
            ArgumentNullException.ThrowIfNull(document);
            _key = document.ToJsonString().GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _defs = document["components"]?["schemas"]?.DeepClone().AsObject() ?? [];
            foreach (var (template, item) in document["paths"]!.AsObject())
            {
                var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$";
                _paths.Add((new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), template, item!.AsObject()));
            }
        }

        /// <summary>What is wrong with this response, or null when the description allows it.</summary>
        public string? Check(string method, string path, int status, string? mediaType, string body)
        {
            var matches = _paths.Where(p => p.Pattern.IsMatch(path)).ToList();
            // A literal segment wins over a parameter (/doses/preview over /doses/{id}).
            var match = matches.OrderBy(p => p.Template.Count(c => c == '{')).FirstOrDefault();
            if (match.Item is null)
            {
                return status == 404 ? null : "no operation in the description has this path";
            }
            if (match.Item[method.ToLowerInvariant()] is not JsonObject operation)
            {
                return status is 404 or 405 ? null : $"the description has no {method} for {match.Template}";
            }
            var responses = operation["responses"]!.AsObject();
            var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (responses[code] is not JsonObject response)
            {
                return $"status {code} is not documented for {method} {match.Template} (documented: {string.Join(", ", responses.Select(r => r.Key))})";
            }
            if (response["content"] is not JsonObject content || content.Count == 0)
            {
                return body.Length == 0 ? null : "a body was sent where the description documents none";
            }
            if (mediaType is null || content[mediaType] is not JsonObject media)
            {
                return $"content type {mediaType ?? "(none)"} is not documented (documented: {string.Join(", ", content.Select(c => c.Key))})";
            }
            // Only JSON bodies are held to a schema (a CSV or ZIP download is checked by its own tests).
            if (media["schema"] is not JsonNode schemaNode || !(mediaType.EndsWith("/json", StringComparison.Ordinal) || mediaType.EndsWith("+json", StringComparison.Ordinal)))
            {
                return null;
            }
            var schema = Compile($"{method} {match.Template} {code} {mediaType}", schemaNode);
            using var json = JsonDocument.Parse(body);
            var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            if (result.IsValid)
            {
                return null;
            }
            var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({d.EvaluationPath})"))
                .Take(8);
            return "the body does not match the documented schema: " + string.Join("; ", errors);
        }

        /// <summary>What is wrong with this request body, or null when the description allows it.</summary>
        public string? CheckRequest(string method, string path, string body)
        {
            var match = _paths.Where(p => p.Pattern.IsMatch(path)).OrderBy(p => p.Template.Count(c => c == '{')).FirstOrDefault();
            if (match.Item?[method.ToLowerInvariant()]?["requestBody"]?["content"]?["application/json"]?["schema"] is not JsonNode schemaNode)
            {
                return $"{method} {path} documents no JSON request body";
            }
            using var json = JsonDocument.Parse(body);
            var result = Compile($"{method} {match.Template} request", schemaNode)
                .Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            return result.IsValid ? null : "the body does not match the documented request schema: " + string.Join("; ",
                (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(8));
        }

        private JsonSchema Compile(string key, JsonNode schema) =>
            Schemas.GetOrAdd(_key + " " + key, _ =>
            {
                // The operation's schema with the document's components beside it as $defs, so its
                // references ("#/components/schemas/X") resolve inside one JSON Schema document.
                var root = new JsonObject
                {
                    ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                    ["$defs"] = _defs.DeepClone(),
                    ["allOf"] = new JsonArray(schema.DeepClone()),
                };
                var text = root.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
                var id = Interlocked.Increment(ref s_schemaCount);
                return JsonSchema.FromText(text, baseUri: new Uri($"https://wane.test/contract/{id}"));
            });
    }
}

/// <summary>A response the served OpenAPI description does not allow.</summary>
public sealed class ContractViolationException(string message) : Exception(message);
