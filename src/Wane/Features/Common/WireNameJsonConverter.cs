using System.Text.Json;
using System.Text.Json.Serialization;
using Wane.Domain;

namespace Wane.Features.Common;

/// <summary>Writes and reads an enum as its wire name ("open", "revoked"), for views that carry the enum itself.</summary>
internal sealed class WireNameJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && WireName.TryParse<TEnum>(reader.GetString(), out var value)
            ? value.Value
            : throw new JsonException($"Expected one of {string.Join(", ", WireName.All<TEnum>())}.");

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(WireName.Of(value));
    }
}
