using Wane.Domain;
using Wane.Domain.Guardrails;
using Wane.Features.Common;

namespace Wane.Features.Guardrails;

/// <summary>An advice about a dose, from the guardrails: rule, level (info, caution, danger), why and source.
/// <c>level</c> travels as its wire name; hosts decide on <see cref="Severity"/>.</summary>
public sealed record AdvisoryView(string Rule, [property: OneOf(typeof(AdvisoryLevel))] string Level, string Title, string Message, string Why, string Source, string? Suggestion, IReadOnlyList<AdvisoryResourceView> Resources)
{
    /// <summary>The level, typed (an advisory read back from a ticket or form carries the same wire name).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public AdvisoryLevel Severity => WireName.TryParse<AdvisoryLevel>(Level, out var level)
        ? level.Value
        : throw new InvalidOperationException($"Unknown advisory level \"{Level}\".");
}

/// <summary>A resource shown with an advisory: who or what, how to reach it, and a link (<c>tel:</c> for a number to call).</summary>
public sealed record AdvisoryResourceView(string Id, string Name, string How, string Note, string Href);

/// <summary>Maps domain advisories to what hosts show.</summary>
internal static class Advice
{
    public static string Cite(Source source) => source.Url is null ? source.Citation : $"{source.Citation} ({source.Url})";

    public static string Level(AdvisoryLevel level) => WireName.Of(level);

    public static AdvisoryView View(Advisory a) =>
        new(a.Rule, Level(a.Level), a.Title, a.Message, a.Why, Cite(a.Source), a.Suggestion, AdvisoryResourceViews.For(a.Resources));

    public static IReadOnlyList<AdvisoryView> Views(IEnumerable<Advisory> advisories) => advisories.Select(View).ToArray();

    /// <summary>Whether the person should be asked before logging (a caution or a danger).</summary>
    public static bool NeedsConfirmation(IEnumerable<AdvisoryView> advisories) => advisories.Any(a => a.Severity is AdvisoryLevel.Caution or AdvisoryLevel.Danger);
}
