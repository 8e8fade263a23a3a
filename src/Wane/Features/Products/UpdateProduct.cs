using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Features.Common;

namespace Wane.Features.Products;

internal sealed class UpdateProduct(WaneDb db, IClock clock)
{
    /// <summary>Changes a product. Doses already logged keep the normalized amount they were recorded with.</summary>
    public async Task<Outcome<Product>> UpdateAsync(string userId, long id, ProductDraft draft, CancellationToken ct)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id && p.UserId == userId, ct).ConfigureAwait(false);
        if (product is null)
        {
            return new Outcome<Product>.NotFound("Product");
        }
        var (valid, errors) = ProductRules.Validate(draft);
        if (valid is null)
        {
            return Outcome<Product>.Fail(errors);
        }
        Apply(product, valid, clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return product;
    }

    internal static void Apply(Product p, ValidProduct v, Instant now)
    {
        p.Name = v.Name;
        p.Strain = v.Strain;
        p.Batch = v.Batch;
        p.InStock = v.InStock;
        p.Kind = v.Spec.Kind;
        p.Form = v.Spec.Form;
        p.Opioid = v.Spec.Opioid;
        p.OtherClass = v.Spec.OtherClass;
        p.GramsPerCapsule = v.Spec.GramsPerCapsule;
        p.GramsPerTeaspoon = v.Spec.GramsPerTeaspoon;
        p.MgPerTablet = v.Spec.MgPerTablet;
        p.MgPerMl = v.Spec.MgPerMl;
        p.Concentrated7OH = v.Spec.Concentrated7OH;
        // A change of form can leave a favourite in a unit that no longer fits: keep only those that still do.
        p.Favourites = FavouriteAmounts.Format(FavouriteAmounts.Parse(p.Favourites).Where(a => Normalization.Fits(v.Spec, a.Unit)).ToList());
        p.UpdatedAt = now;
    }

    public static RouteGroupBuilder MapUpdateProductEndpoint(RouteGroupBuilder products)
    {
        products.MapPut("/{id:long}", Handle).WithName("UpdateProduct").WithSummary("Change a product (doses already logged keep their amounts)");
        return products;
    }

    private static async Task<Results<Ok<ProductView>, ValidationProblem, ProblemHttpResult>> Handle(
        long id, ProductBody body, HttpContext http, UpdateProduct store, CancellationToken ct) =>
        await store.UpdateAsync(http.User.Id(), id, body.ToDraft(), ct).ConfigureAwait(false) switch
        {
            Outcome<Product>.Ok ok => TypedResults.Ok(ProductView.From(ok.Value)),
            Outcome<Product>.Invalid bad => ApiResults.Invalid(bad.Errors),
            _ => ApiResults.NotFound("Product"),
        };
}
