using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using Wane.Domain.Units;

namespace Wane.Features.Import;

/// <summary>
/// Finds a product by name in the stash, or drafts one to create (shown in the dry run first):
/// kratom only when the name or the stated kind says kratom, an opioid only when the name is one
/// of the CDC table's opioids, anything else as kind "other". A kratom product is never made an opioid.
/// </summary>
internal static class ProductByName
{
    public static string Key(string name) => name.Trim().ToUpperInvariant();

    /// <summary>The product to create for <paramref name="name"/>, or the reason none can be made.</summary>
    public static (ProductDraft? Draft, string? Why) Draft(string name, string? kind, DoseUnit? unit)
    {
        var lower = name.Trim().ToLowerInvariant();
        var opioid = WireName.All<OpioidName>().FirstOrDefault(o => Words(lower).Contains(o));
        var stated = kind?.Trim().ToLowerInvariant();
        string wire;
        if (!string.IsNullOrEmpty(stated))
        {
            if (!WireName.TryParse<ProductKind>(stated, out _))
            {
                return (null, $"The kind \"{kind}\" is not one of kratom, opioid, other.");
            }
            wire = stated;
        }
        else
        {
            wire = lower.Contains("kratom", StringComparison.Ordinal) || lower.Contains("mitragyn", StringComparison.Ordinal) ? "kratom"
                : opioid is not null ? "opioid" : "other";
        }
        if (wire == "opioid" && opioid is null)
        {
            return (null, $"\"{name}\" is not one of the opioids with a CDC conversion factor ({string.Join(", ", WireName.All<OpioidName>())}); add it on the Products page first.");
        }
        var form = unit switch
        {
            DoseUnit.Capsule => "capsule",
            DoseUnit.Tablet => "tablet",
            DoseUnit.Milliliter => "liquid",
            DoseUnit.MicrogramPerHour => "patch",
            DoseUnit.Milligram or DoseUnit.Microgram => wire == "kratom" ? "extract" : "other",
            _ => "powder",
        };
        return (new ProductDraft(name.Trim(), wire, null, form, wire == "opioid" ? opioid : null, wire == "other" ? "other" : null,
            null, null, null, null, false, true, null), null);
    }

    /// <summary>A new product entity from a valid draft.</summary>
    public static Product Create(string userId, ValidProduct valid, NodaTime.Instant now) => new()
    {
        UserId = userId, Name = valid.Name, Strain = valid.Strain, Batch = valid.Batch, InStock = valid.InStock,
        Kind = valid.Spec.Kind, Form = valid.Spec.Form, Opioid = valid.Spec.Opioid, OtherClass = valid.Spec.OtherClass,
        GramsPerCapsule = valid.Spec.GramsPerCapsule, GramsPerTeaspoon = valid.Spec.GramsPerTeaspoon, MgPerTablet = valid.Spec.MgPerTablet,
        MgPerMl = valid.Spec.MgPerMl, Concentrated7OH = valid.Spec.Concentrated7OH, CreatedAt = now, UpdatedAt = now,
    };

    private static string[] Words(string text) => text.Split([' ', '-', '_', '(', ')', ',', '/', '.'], StringSplitOptions.RemoveEmptyEntries);
}
