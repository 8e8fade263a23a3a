using System.Globalization;
using System.Text;

namespace Wane.Features.Common;

/// <summary>
/// Text with every control character other than newline and tab written as a visible <c>\uXXXX</c>, so
/// what a person typed cannot drive a terminal or a spreadsheet. One rule for the CLI and the CSV export.
/// </summary>
internal static class VisibleText
{
    /// <summary>The text with every control character other than newline and tab written as <c>\uXXXX</c>.</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsHidden))
        {
            return text ?? "";
        }
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (IsHidden(c))
            {
                sb.Append(Code(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Whether the character would act rather than show (a control character other than newline and tab).</summary>
    public static bool IsHidden(char c) => char.IsControl(c) && c is not '\n' and not '\t';

    /// <summary>The visible escape for one character.</summary>
    public static string Code(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
