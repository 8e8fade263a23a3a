using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Features.Common;

namespace Wane.Features.Products;

/// <summary>Adds a product to the stash: what it is and how its doses are measured (<see cref="ProductRules"/> validates).</summary>
internal sealed class CreateProduct(WaneDb db, IClock clock)
{
    public async Task<Outcome<Product>> CreateAsync(string userId, ProductDraft draft, CancellationToken ct)
    {
        var (valid, errors) = ProductRules.Validate(draft);
        if (valid is null)
        {
            return Outcome<Product>.Fail(errors);
        }
        var now = clock.GetCurrentInstant();
        var product = new Product { UserId = userId, Name = valid.Name, CreatedAt = now };
        UpdateProduct.Apply(product, valid, now);
        db.Products.Add(product);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return product;
    }

    public static RouteGroupBuilder MapCreateProductEndpoint(RouteGroupBuilder products)
    {
        products.MapPost("/", Handle).WithName("CreateProduct").WithSummary("Add a product: what it is and how its doses are measured");
        return products;
    }

    private static async Task<Results<Created<ProductView>, ValidationProblem>> Handle(
        ProductBody body, HttpContext http, CreateProduct store, CancellationToken ct) =>
        await store.CreateAsync(http.User.Id(), body.ToDraft(), ct).ConfigureAwait(false) switch
        {
            Outcome<Product>.Ok ok => TypedResults.Created($"/api/v1/products/{ok.Value.Id}", ProductView.From(ok.Value)),
            Outcome<Product>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };
}
