using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wane.Domain;

namespace Wane.Features.Common;

/// <summary>Base for pages with forms: field errors shown at their field.</summary>
public abstract class FormPage : PageModel
{
    /// <summary>Errors by field name (the API's field names).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    internal void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var e in errors)
        {
            Errors[e.Field] = Errors.TryGetValue(e.Field, out var m) ? m + " " + e.Message : e.Message;
        }
    }

    /// <summary>The error paragraph for a field (empty when it is fine).</summary>
    public IHtmlContent Error(string field) =>
        Errors.TryGetValue(field, out var message)
            ? new HtmlString($"<p class=\"error\" id=\"{field}-error\" role=\"alert\">{HtmlEncoder.Default.Encode(message)}</p>")
            : HtmlString.Empty;

    /// <summary>aria-invalid for a field.</summary>
    public string Invalid(string field) => Errors.ContainsKey(field) ? "true" : "false";
}

/// <summary>Small formatting helpers for pages (invariant culture: a dose is never shown as "0,5").</summary>
public static class Fmt
{
    public static string Num(decimal d) => Wane.Domain.Units.AmountText.Format(d);

    public static string Num(decimal? d) => d is { } v ? Num(v) : "";

    /// <summary>An average for reading at a glance: one decimal place.</summary>
    public static string Rounded(decimal d) => Num(Math.Round(d, 1, MidpointRounding.AwayFromZero));

}
