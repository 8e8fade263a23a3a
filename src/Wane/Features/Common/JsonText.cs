using System.Text.Json;

namespace Wane.Features.Common;

/// <summary>
/// Reading strings out of a <see cref="JsonElement"/> without letting a bad one become a 500:
/// <see cref="JsonElement.GetString"/> throws on escapes that are not valid UTF-16 (a lone surrogate such as <c>"\udfff"</c>).
/// </summary>
internal static class JsonText
{
    public const string NotText = "Send text here (a JSON string of valid Unicode).";

    /// <summary>The string value, or null when the element is not a string or does not hold valid Unicode.</summary>
    public static string? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
