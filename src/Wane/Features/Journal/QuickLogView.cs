using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Domain.Units;

namespace Wane.Features.Journal;

/// <summary>The one-tap choices on Today: the last dose of the most recent products again, and each product's favourite amounts.</summary>
internal sealed record QuickLogView(IReadOnlyList<RecentDose> Again, IReadOnlyList<(Product Product, IReadOnlyList<Amount> Amounts)> Favourites)
{
    /// <summary>How many "same as last time" buttons: the few products a person switches between, not the whole stash.</summary>
    public const int MaxAgain = 3;

    public static QuickLogView From(IReadOnlyList<RecentDose> recent, IReadOnlyList<Product> products)
    {
        var stash = products.ToDictionary(p => p.Id);
        // A dose repeated must still fit its product (its form may have changed since).
        var again = recent.Where(r => stash.TryGetValue(r.ProductId, out var p) && Normalization.Fits(p.Spec, r.Unit)).Take(MaxAgain).ToArray();
        var favourites = products
            .Select(p => (Product: p, Amounts: FavouriteAmounts.Parse(p.Favourites)))
            .Where(f => f.Amounts.Count > 0)
            .ToArray();
        return new QuickLogView(again, favourites);
    }
}
