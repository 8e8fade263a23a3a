using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Features.CheckIns;
using Wane.Features.Common;

namespace Wane.Web.OpenApi;

/// <summary>
/// Makes the schemas say what the API really accepts: request fields are optional unless marked
/// <see cref="RequiredAttribute"/>, closed sets are enums (<see cref="OneOfAttribute"/>), dates carry
/// their format (<see cref="DataTypeAttribute"/>), and check-in answers have a real shape.
/// </summary>
internal sealed class ContractSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is ICustomAttributeProvider property)
        {
            DescribeProperty(schema, property);
        }
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is null && schema.Properties is { } all)
        {
            foreach (var p in context.JsonTypeInfo.Properties.Where(p => p.PropertyType == typeof(JsonElement?) && all.ContainsKey(p.Name)))
            {
                // "null or any JSON" written as oneOf fails for null, which matches both branches;
                // the snapshots Wane sends in these fields are objects or null.
                all[p.Name] = new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null };
            }
        }
        if (IsRequestBody(type) && schema.Properties is { } properties)
        {
            // A body's fields may be left out: the handlers fill defaults or name what is missing.
            schema.Required = new HashSet<string>(context.JsonTypeInfo.Properties
                .Where(p => p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
                .Select(p => p.Name));
            foreach (var name in schema.Required)
            {
                // Required means present and not null.
                if (properties.TryGetValue(name, out var p) && p is OpenApiSchema { Type: { } t } required && t.HasFlag(JsonSchemaType.Null))
                {
                    required.Type = t & ~JsonSchemaType.Null;
                    required.Enum?.Remove(null!);
                }
            }
            if (type == typeof(CheckInBody) && properties.ContainsKey("answers"))
            {
                properties["answers"] = Answers();
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Request bodies are the API's <c>…Body</c> records and what they hold.</summary>
    private static bool IsRequestBody(Type type) =>
        type.Namespace?.StartsWith("Wane.", StringComparison.Ordinal) == true
        && (type.Name.EndsWith("Body", StringComparison.Ordinal) || type.Name == "RuleChange");

    private static void DescribeProperty(OpenApiSchema schema, ICustomAttributeProvider property)
    {
        var nullable = schema.Type?.HasFlag(JsonSchemaType.Null) == true;
        if (property.GetCustomAttributes(typeof(OneOfAttribute), inherit: true).FirstOrDefault() is OneOfAttribute oneOf)
        {
            var target = schema.Items is OpenApiSchema items && schema.Type?.HasFlag(JsonSchemaType.Array) == true ? items : schema;
            target.Enum = [.. oneOf.Names().Select(n => (JsonNode)JsonValue.Create(n))];
            if (target == schema && nullable)
            {
                target.Enum.Add(null!);
            }
        }
        if (property.GetCustomAttributes(typeof(DataTypeAttribute), inherit: true).FirstOrDefault() is DataTypeAttribute dataType)
        {
            schema.Format = dataType.DataType switch
            {
                DataType.Date => "date",
                DataType.DateTime => "date-time",
                _ => schema.Format,
            };
        }
    }

    /// <summary>SOWS and COWS take the item scores in order; the daily check-in takes an object.</summary>
    private static OpenApiSchema Answers()
    {
        static OpenApiSchema Rating(int min, int max, string what) => new()
        {
            Type = JsonSchemaType.Integer | JsonSchemaType.Null,
            Minimum = min.ToString(CultureInfo.InvariantCulture),
            Maximum = max.ToString(CultureInfo.InvariantCulture),
            Description = what,
        };
        var scores = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "SOWS (16 items, each 0–4) or COWS (11 items, each within the item's own range, at most 5): the item scores in order; null skips an item.",
            Items = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Minimum = "0", Maximum = "5" },
            MaxItems = 16,
        };
        var daily = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The daily check-in. Ratings are optional when a red flag is given.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["pain"] = Rating(0, 10, "0 (none) to 10 (worst imaginable)"),
                ["sleep"] = Rating(1, 5, "1 (very poor) to 5 (very good)"),
                ["mood"] = Rating(1, 5, "1 (very low) to 5 (very good)"),
                ["craving"] = Rating(0, 10, "0 (none) to 10 (strongest)"),
                ["note"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, MaxLength = DailyCheckIns.MaxNoteLength },
                ["redFlags"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array | JsonSchemaType.Null,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. WireName.All<RedFlag>().Select(n => (JsonNode)JsonValue.Create(n))] },
                },
            },
        };
        return new OpenApiSchema
        {
            Description = "The answers: an array of item scores for \"sows\" and \"cows\", an object for \"daily\".",
            OneOf = [scores, daily],
        };
    }
}
