namespace Wane.Domain;

/// <summary>
/// Rules for text people type (notes, names, reasons). Control characters other than newline and tab
/// are refused everywhere: a stored ESC or BEL would retitle or clear a terminal that prints it, and a
/// NUL truncates text in other tools. Browsers send line breaks as CRLF, so CRLF is kept as a newline.
/// </summary>
public static class FreeText
{
    /// <summary>The message for a field holding a control character.</summary>
    public const string ControlMessage = "Remove control characters (such as ESC, BEL or NUL) from this text; only line breaks and tabs may be used.";

    /// <summary>The message for a one-line field holding a control character.</summary>
    public const string LineControlMessage = "Remove control characters (such as line breaks, ESC or NUL) from this field.";

    /// <summary>Trims and turns CRLF and lone CR into LF; null or blank gives null.</summary>
    public static string? Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    /// <summary>Whether multi-line text holds a control character other than newline or tab.</summary>
    public static bool HasControl(string? text) => text is not null && text.Any(c => char.IsControl(c) && c is not '\n' and not '\t');

    /// <summary>Whether one-line text holds any control character.</summary>
    public static bool HasLineControl(string? text) => text is not null && text.Any(char.IsControl);
}
