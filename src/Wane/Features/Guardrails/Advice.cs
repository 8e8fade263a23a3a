using Wane.Domain;
using Wane.Domain.Guardrails;
using Wane.Features.Journal;

namespace Wane.Features.Guardrails;

/// <summary>Maps domain advisories to what hosts show.</summary>
internal static class Advice
{
    public static string Cite(Source source) => source.Url is null ? source.Citation : $"{source.Citation} ({source.Url})";

    public static string Level(AdvisoryLevel level) => WireName.Of(level);

    public static AdvisoryView View(Advisory a) =>
        new(a.Rule, Level(a.Level), a.Title, a.Message, a.Why, Cite(a.Source), a.Suggestion, AdvisoryResourceViews.For(a.Resources));

    public static IReadOnlyList<AdvisoryView> Views(IEnumerable<Advisory> advisories) => advisories.Select(View).ToArray();

    /// <summary>Whether the person should be asked before logging (a caution or a danger).</summary>
    public static bool NeedsConfirmation(IEnumerable<AdvisoryView> advisories) => advisories.Any(a => a.Level is "caution" or "danger");
}
