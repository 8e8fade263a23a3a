using Wane.Domain.Guardrails;
using Wane.Features.Help;

namespace Wane.Features.Guardrails;

/// <summary>
/// The resources an advisory shows beside it (emergency services, naloxone), taken from the same
/// resource data as the Get help page, so a danger never shows different numbers from that page.
/// </summary>
internal static class AdvisoryResourceViews
{
    private static readonly Lazy<IReadOnlyDictionary<string, AdvisoryResourceView>> ById = new(() =>
        new ResourceDirectory().Data.Countries[0].Resources.ToDictionary(
            r => r.Id,
            r => new AdvisoryResourceView(r.Id, r.Name, r.How, r.Note, Href(r.Id, r.Url)),
            StringComparer.Ordinal));

    /// <summary>The resources for these flags, most urgent first (emergency, then naloxone).</summary>
    public static IReadOnlyList<AdvisoryResourceView> For(AdvisoryResources resources)
    {
        if (resources == AdvisoryResources.None)
        {
            return [];
        }
        var list = new List<AdvisoryResourceView>(2);
        if (resources.HasFlag(AdvisoryResources.Emergency))
        {
            list.Add(ById.Value["emergency"]);
        }
        if (resources.HasFlag(AdvisoryResources.Naloxone))
        {
            list.Add(ById.Value["naloxone"]);
        }
        return list;
    }

    // A number a person must call is a link a thumb can use; the rest link to their page or to Get help.
    private static string Href(string id, string? url) => id switch
    {
        "emergency" => "tel:911",
        _ => url ?? "/help#res-" + id,
    };
}
