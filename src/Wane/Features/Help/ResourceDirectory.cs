using System.Reflection;
using System.Text.Json;

namespace Wane.Features.Help;

/// <summary>A way to reach a resource with one tap: a <c>tel:</c>, <c>sms:</c> or web address.</summary>
/// <param name="Label">What the link says, e.g. "Call 988".</param>
/// <param name="Href">Where it goes, e.g. "tel:988", "sms:988", "https://988lifeline.org".</param>
public sealed record Contact(string Label, string Href);

/// <summary>One crisis or treatment resource.</summary>
public sealed record Resource(string Id, string Name, string How, string? Url, string Note, IReadOnlyList<Contact>? Contacts, IReadOnlyList<string> Kinds);

/// <summary>A country's resources.</summary>
public sealed record CountryResources(string Code, string Name, IReadOnlyList<Resource> Resources);

/// <summary>A medication for opioid use disorder.</summary>
public sealed record Medication(string Name, string Note);

/// <summary>The medications for opioid use disorder, with their source.</summary>
public sealed record Medications(string Summary, IReadOnlyList<Medication> Items, string Source);

/// <summary>What Wane says about kratom as a treatment, with its source.</summary>
public sealed record KratomStatement(string Summary, string Source);

/// <summary>The resources data file: countries (US first), medications, and sources.</summary>
public sealed record ResourceData(string Source, string AsOf, IReadOnlyList<CountryResources> Countries, Medications Medications, KratomStatement Kratom);

/// <summary>
/// Crisis and treatment resources, kept as data (country code → list, US first) so that other
/// countries can be added without code changes.
/// </summary>
internal sealed class ResourceDirectory
{
    private static readonly Lazy<ResourceDirectory> Loaded = new(() => new ResourceDirectory());

    /// <summary>The embedded data, read once (the CLI reads it only when a red flag needs its links).</summary>
    public static ResourceDirectory Default => Loaded.Value;

    public ResourceDirectory()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Wane.Content.resources.json")
            ?? throw new InvalidOperationException("Missing embedded resources.json.");
        Data = JsonSerializer.Deserialize<ResourceData>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("resources.json is empty.");
    }

    public ResourceData Data { get; }

    /// <summary>The one-tap contacts of a resource of the first country (the US), by id; empty when it has none.</summary>
    public IReadOnlyList<Contact> ContactsFor(string id) =>
        Data.Countries[0].Resources.FirstOrDefault(r => r.Id == id)?.Contacts ?? [];
}
