using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Wane.Features.Help;

/// <summary>
/// Turns the phone numbers and crisis websites in a sentence into links a thumb can use:
/// "call 911" → <c>tel:911</c>, "text 988" → <c>sms:988</c>, "1-800-662-4357" → <c>tel:+1-800-662-4357</c>,
/// "988lifeline.org" → its https address. Everything else is HTML-encoded.
/// 911 and 988 become links only after "call", "text" or "or" so that an amount such as
/// "988 mg" never turns into a phone number.
/// </summary>
public static partial class ContactLinks
{
    /// <summary>The text, encoded, with its numbers and sites as links.</summary>
    public static IHtmlContent Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }
        var encoder = HtmlEncoder.Default;
        var html = new System.Text.StringBuilder(text.Length + 64);
        var at = 0;
        foreach (Match m in Pattern().Matches(text))
        {
            html.Append(encoder.Encode(text[at..m.Index]));
            html.Append(Link(m, encoder));
            at = m.Index + m.Length;
        }
        html.Append(encoder.Encode(text[at..]));
        return new HtmlString(html.ToString());
    }

    private static string Link(Match m, HtmlEncoder encoder)
    {
        if (m.Groups["tollfree"].Success)
        {
            var number = m.Groups["tollfree"].Value;
            return $"<a href=\"tel:+{encoder.Encode(number)}\">{encoder.Encode(number)}</a>";
        }
        if (m.Groups["site"].Success)
        {
            var site = m.Groups["site"].Value;
            return $"<a href=\"https://{encoder.Encode(site)}\">{encoder.Encode(site)}</a>";
        }
        // "call 911", "text 988", "call or text 988": the verb stays text, the number is the link.
        var verb = m.Groups["verb"].Value;
        var shortNumber = m.Groups["short"].Value;
        var scheme = verb.EndsWith("text", StringComparison.OrdinalIgnoreCase) && !verb.Contains("call", StringComparison.OrdinalIgnoreCase) ? "sms" : "tel";
        return $"{encoder.Encode(verb)} <a href=\"{scheme}:{shortNumber}\">{shortNumber}</a>";
    }

    [GeneratedRegex(
        @"(?<tollfree>\b1-8\d\d-\d{3}-\d{4}\b)" +
        @"|(?<site>\b(?:988lifeline\.org|findtreatment\.gov|poisonhelp\.org)\b)" +
        @"|(?<verb>\b(?:call or text|call|text|dial|or))\s+(?<short>911|988)\b(?!\s*(?:mg|g|mcg|ml|MME|%|\.\d))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
