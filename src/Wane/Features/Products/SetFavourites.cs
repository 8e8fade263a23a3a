using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Units;
using Wane.Features.Common;

namespace Wane.Features.Products;

/// <summary>One favourite amount of a product: a one-tap choice in the log form.</summary>
public sealed record FavouriteView(decimal Amount, string Unit)
{
    internal static FavouriteView[] Of(Product p) =>
        FavouriteAmounts.Parse(p.Favourites).Select(a => new FavouriteView(a.Value, a.Unit.Name())).ToArray();
}

/// <summary>A product's favourite amounts as the API takes them (the whole list; empty clears it).</summary>
public sealed record FavouritesBody(IReadOnlyList<FavouriteBody>? Favourites);

/// <summary>One favourite amount as the API takes it.</summary>
public sealed record FavouriteBody(decimal? Amount, string? Unit);

/// <summary>Replaces a product's favourite amounts (at most five, each a dose Wane would accept for it).</summary>
internal sealed class SetFavourites(WaneDb db, IClock clock)
{
    public async Task<Outcome<Product>> HandleAsync(string userId, long productId, IReadOnlyList<(decimal? Amount, string? Unit)> items, CancellationToken ct)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == productId && p.UserId == userId, ct).ConfigureAwait(false);
        if (product is null)
        {
            return new Outcome<Product>.NotFound("Product");
        }
        var (valid, errors) = FavouriteAmounts.Validate(items, product.Spec);
        if (valid is null)
        {
            return Outcome<Product>.Fail(errors);
        }
        product.Favourites = FavouriteAmounts.Format(valid);
        product.UpdatedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return product;
    }

    /// <summary>Reads "2 g, 3.5 g" (the web form and the CLI): amounts with their units, comma-separated.</summary>
    internal static (IReadOnlyList<(decimal? Amount, string? Unit)> Items, IReadOnlyList<FieldError> Errors) ParseList(IEnumerable<string> parts)
    {
        var items = new List<(decimal?, string?)>();
        var errors = new List<FieldError>();
        foreach (var raw in parts.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var (amountText, unit) = Cli.JournalCommands.SplitAmount(raw, null);
            if (unit is null || !AmountText.TryParse(amountText, out var value, out _))
            {
                errors.Add(new("favourites", $"\"{raw}\" is not an amount with its unit, like 2.5 g or 1 tablet."));
                continue;
            }
            items.Add((value, unit));
        }
        return (items, errors);
    }
}

internal static class FavouritesEndpoint
{
    public static RouteGroupBuilder MapFavouritesEndpoint(this RouteGroupBuilder api)
    {
        api.MapPut("/products/{id:long}/favourites", Handle).WithName("SetFavourites").WithTags("Products")
            .WithSummary("Replace a product's favourite amounts (one-tap choices when logging)")
            .WithDescription("At most five; each must be in a unit that fits the product and within the limits of one dose. An empty list clears them.");
        return api;
    }

    private static async Task<Results<Ok<ProductView>, ValidationProblem, ProblemHttpResult>> Handle(
        long id, FavouritesBody body, HttpContext http, SetFavourites handler, CancellationToken ct)
    {
        if (body.Favourites is null)
        {
            return ApiResults.Invalid([new FieldError("favourites", "Send the list of favourite amounts, for example [{\"amount\":2,\"unit\":\"g\"}], or [] to clear them.")]);
        }
        var items = body.Favourites.Select(f => (f?.Amount, f?.Unit)).ToList();
        return await handler.HandleAsync(http.User.Id(), id, items, ct).ConfigureAwait(false) switch
        {
            Outcome<Product>.Ok ok => TypedResults.Ok(ProductView.From(ok.Value)),
            Outcome<Product>.Invalid bad => ApiResults.Invalid(bad.Errors),
            _ => ApiResults.NotFound("Product"),
        };
    }
}
