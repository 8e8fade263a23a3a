using System.Globalization;
using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Domain.Units;
using Wane.Features.Common;

namespace Wane.Features.Journal;

/// <summary>
/// What the dose form needs: the input, the page (for errors), the products, and each product's last unit.
/// The unit list is rendered for the chosen product on the server, so it is right without JavaScript;
/// each product option carries its units for the script that swaps the list when the product changes.
/// </summary>
internal sealed record DoseFormView(DoseInput Input, FormPage Page, IReadOnlyList<Product> Products, IReadOnlyList<RecentDose> Recent)
{
    /// <summary>The product the form is on: the one in the input, else the first.</summary>
    public Product? Chosen =>
        Products.FirstOrDefault(p => p.Id.ToString(CultureInfo.InvariantCulture) == Input.ProductId) ?? (Products.Count > 0 ? Products[0] : null);

    public static IReadOnlyList<string> Units(Product p) => Normalization.UnitsFor(p.Spec).Select(u => u.Name()).ToArray();

    /// <summary>The unit last used for a product, if it still fits.</summary>
    public string? LastUnit(Product p) =>
        Recent.FirstOrDefault(r => r.ProductId == p.Id) is { } r && Normalization.Fits(p.Spec, r.Unit) ? r.Unit.Name() : null;

    /// <summary>The unit to show selected: the input's when it fits the chosen product, else its last, else its first.</summary>
    public string? SelectedUnit
    {
        get
        {
            if (Chosen is not { } p)
            {
                return null;
            }
            var units = Units(p);
            return Input.Unit is { } u && DoseUnits.TryParse(u, out var parsed) && units.Contains(parsed.Value.Name())
                ? parsed.Value.Name()
                : LastUnit(p) ?? units[0];
        }
    }
}
