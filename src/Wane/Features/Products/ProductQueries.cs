using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Products;

/// <summary>Reads of the person's stash (every query scoped to the owner), and the endpoints that list and show products.</summary>
internal sealed class ProductQueries(WaneDb db)
{
    /// <summary>Every product of the person, archived ones too (the API's list, the CLI's <c>--product</c>).</summary>
    public Task<List<Product>> ListAsync(string userId, CancellationToken ct) =>
        db.Products.AsNoTracking().Where(p => p.UserId == userId)
            .OrderBy(p => p.ArchivedAt != null).ThenByDescending(p => p.InStock).ThenBy(p => p.Name).ToListAsync(ct);

    /// <summary>The products to log with: archived ones left out (the log forms, "same as last time", favourites).</summary>
    public Task<List<Product>> ActiveAsync(string userId, CancellationToken ct) =>
        db.Products.AsNoTracking().Where(p => p.UserId == userId && p.ArchivedAt == null)
            .OrderByDescending(p => p.InStock).ThenBy(p => p.Name).ToListAsync(ct);

    public Task<Product?> GetAsync(string userId, long id, CancellationToken ct) =>
        db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.UserId == userId, ct);

    /// <summary>Finds a product by id or by name (case-insensitive), for the CLI's <c>--product</c>.</summary>
    public async Task<Product?> FindAsync(string userId, string idOrName, CancellationToken ct)
    {
        var mine = await ListAsync(userId, ct).ConfigureAwait(false);
        return long.TryParse(idOrName, out var id) && mine.FirstOrDefault(p => p.Id == id) is { } byId
            ? byId
            : mine.FirstOrDefault(p => string.Equals(p.Name, idOrName.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public static RouteGroupBuilder MapProductQueryEndpoints(RouteGroupBuilder products)
    {
        products.MapGet("/", List).WithName("ListProducts").WithSummary("Your products (your stash)");
        products.MapGet("/{id:long}", Get).WithName("GetProduct").WithSummary("One of your products");
        return products;
    }

    private static async Task<Ok<ProductView[]>> List(HttpContext http, ProductQueries store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(http.User.Id(), ct).ConfigureAwait(false)).Select(ProductView.From).ToArray());

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> Get(long id, HttpContext http, ProductQueries store, CancellationToken ct) =>
        await store.GetAsync(http.User.Id(), id, ct).ConfigureAwait(false) is { } p
            ? TypedResults.Ok(ProductView.From(p))
            : ApiResults.NotFound("Product");
}
