using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wane.Web.OpenApi;

/// <summary>
/// The parts of the OpenAPI description that hold for the whole API: who may call it (a bearer
/// token on every <c>/api/v1</c> operation), the problems any operation can answer with, tags
/// with descriptions, and the document's own metadata.
/// </summary>
internal sealed class ContractDocument : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string Problem = "application/problem+json";

    private static readonly OrderedDictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Journal"] = "Doses as taken, each checked against the guardrails; your days' totals; where you stand today.",
        ["Products"] = "Your stash: what each product is and how its doses are measured.",
        ["Guardrails"] = "The method's rules and safety rules, your settings for them, and scheduled breaks.",
        ["Taper plans"] = "Plans that come down gradually to zero, holds, re-planning, and the calendar feed.",
        ["Check-ins"] = "SOWS and COWS withdrawal scores and the daily check-in; red flags return their resources.",
        ["Profile"] = "You: name, time zone, the hour your day starts, and preferences.",
    };

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Wane API";
        document.Info.Description = "The dose journal of a self-hosted Wane instance. Authenticate with the header `Authorization: Bearer` followed by a personal access token (create one on the Access tokens page or with `wane token create`). Errors are RFC 9457 problem details. Request fields are optional unless marked required; numbers are JSON numbers.";
        document.Info.License = new OpenApiLicense { Name = "Apache-2.0", Identifier = "Apache-2.0" };
        // Relative to wherever this instance is served; the request's Host header never appears here.
        document.Servers = [new OpenApiServer { Url = "/", Description = "This Wane instance" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerTokenHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token: `Authorization: Bearer <token>`.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, type) in new[] { ("ProblemDetails", typeof(ProblemDetails)), ("HttpValidationProblemDetails", typeof(HttpValidationProblemDetails)) })
        {
            if (!document.Components.Schemas.ContainsKey(name))
            {
                document.Components.Schemas[name] = await context.GetOrCreateSchemaAsync(type, null, cancellationToken).ConfigureAwait(false);
            }
        }

        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags?.AsEnumerable() ?? []).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        // In the order a person meets them: the journal first, the profile last.
        var order = Tags.Keys.ToList();
        document.Tags = new HashSet<OpenApiTag>(used.OrderBy(n => order.IndexOf(n ?? "") is var i and >= 0 ? i : order.Count).ThenBy(n => n, StringComparer.Ordinal).Select(name => new OpenApiTag
        {
            Name = name,
            Description = Tags.GetValueOrDefault(name ?? "", name ?? ""),
        }));
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var responses = operation.Responses ??= new OpenApiResponses();
        var document = context.Document;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerTokenHandler.SchemeName, document)] = [] }];
            Add(responses, 401, "No valid personal access token was sent.", "ProblemDetails", document);
            Add(responses, 429, "Too many requests with this token (`RateLimits:Api`); wait the seconds in `Retry-After`.", "ProblemDetails", document);
        }
        var hasBody = operation.RequestBody is not null;
        var hasInput = hasBody || description.ParameterDescriptions.Count > 0;
        if (hasInput)
        {
            Add(responses, 400, "Some input needs fixing (each field is named), or the body could not be read; nothing was stored.", "HttpValidationProblemDetails", document);
        }
        if (hasBody)
        {
            Add(responses, 415, "The body was not sent as `application/json`.", "ProblemDetails", document);
        }
        if (description.ParameterDescriptions.Any(p => p.Source.Id == "Path" && p.Name == "id"))
        {
            Add(responses, 404, "There is nothing of yours at this address.", "ProblemDetails", document);
        }
        // Problems are problem+json, whichever result type produced them.
        foreach (var (status, response) in responses)
        {
            if (status.StartsWith('4') && response.Content is { } content && content.Remove("application/json", out var json) && !content.ContainsKey(Problem))
            {
                content[Problem] = json;
            }
        }
        return Task.CompletedTask;
    }

    private static void Add(OpenApiResponses responses, int status, string description, string schema, OpenApiDocument? document)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses.ContainsKey(key))
        {
            return;
        }
        responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Problem] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }
}
