using Wane.Domain.Opioids;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Features.Common;

namespace Wane.Features.Products;

/// <summary>A product as the API takes it. Strings are wire names (see the OpenAPI description).</summary>
public sealed record ProductBody(
    [property: Required] string? Name,
    [property: Required, OneOf(typeof(ProductKind))] string? Kind,
    string? Strain,
    [property: Required, OneOf(typeof(ProductForm))] string? Form,
    [property: OneOf(typeof(OpioidName))] string? Opioid,
    [property: OneOf(typeof(OtherClass))] string? OtherClass,
    decimal? GramsPerCapsule,
    decimal? GramsPerTeaspoon,
    decimal? MgPerTablet,
    decimal? MgPerMl,
    bool? Concentrated7OH,
    bool? InStock,
    string? Batch)
{
    internal ProductDraft ToDraft() => new(Name, Kind, Strain, Form, Opioid, OtherClass, GramsPerCapsule, GramsPerTeaspoon,
        MgPerTablet, MgPerMl, Concentrated7OH ?? false, InStock ?? true, Batch);
}

/// <summary>A product as the API returns it.</summary>
public sealed record ProductView(
    long Id,
    string Name,
    string Kind,
    string? Strain,
    string Form,
    string? Opioid,
    string? OtherClass,
    decimal? GramsPerCapsule,
    decimal? GramsPerTeaspoon,
    decimal? MgPerTablet,
    decimal? MgPerMl,
    bool Concentrated7OH,
    bool InStock,
    string? Batch,
    bool Archived,
    IReadOnlyList<string> Units,
    IReadOnlyList<FavouriteView> Favourites,
    string CreatedAt,
    string UpdatedAt)
{
    internal static ProductView From(Product p) => new(
        p.Id, p.Name, WireName.Of(p.Kind), p.Strain, WireName.Of(p.Form),
        p.Opioid is { } o ? WireName.Of(o) : null,
        p.OtherClass is { } c ? WireName.Of(c) : null,
        p.GramsPerCapsule, p.GramsPerTeaspoon, p.MgPerTablet, p.MgPerMl, p.Concentrated7OH, p.InStock, p.Batch, p.ArchivedAt is not null,
        Normalization.UnitsFor(p.Spec).Select(u => Domain.Units.DoseUnits.Name(u)).ToArray(),
        FavouriteView.Of(p),
        TimeText.Format(p.CreatedAt), TimeText.Format(p.UpdatedAt));
}

/// <summary>The person's stash: add, change, list. Every query is scoped to the owner.</summary>
internal sealed class ProductStore(WaneDb db, IClock clock)
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

    public async Task<Outcome<Product>> CreateAsync(string userId, ProductDraft draft, CancellationToken ct)
    {
        var (valid, errors) = ProductRules.Validate(draft);
        if (valid is null)
        {
            return Outcome<Product>.Fail(errors);
        }
        var now = clock.GetCurrentInstant();
        var product = new Product { UserId = userId, Name = valid.Name, CreatedAt = now };
        Apply(product, valid, now);
        db.Products.Add(product);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return product;
    }

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

    private static void Apply(Product p, ValidProduct v, Instant now)
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
}

internal static class ProductEndpoints
{
    public static RouteGroupBuilder MapProductEndpoints(this RouteGroupBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Products");
        products.MapGet("/", List).WithName("ListProducts").WithSummary("Your products (your stash)");
        products.MapPost("/", Create).WithName("CreateProduct").WithSummary("Add a product: what it is and how its doses are measured");
        products.MapGet("/{id:long}", Get).WithName("GetProduct").WithSummary("One of your products");
        products.MapPut("/{id:long}", Update).WithName("UpdateProduct").WithSummary("Change a product (doses already logged keep their amounts)");
        products.MapArchiveProductEndpoints();
        return api;
    }

    private static async Task<Ok<ProductView[]>> List(HttpContext http, ProductStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(http.User.Id(), ct).ConfigureAwait(false)).Select(ProductView.From).ToArray());

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> Get(long id, HttpContext http, ProductStore store, CancellationToken ct) =>
        await store.GetAsync(http.User.Id(), id, ct).ConfigureAwait(false) is { } p
            ? TypedResults.Ok(ProductView.From(p))
            : ApiResults.NotFound("Product");

    private static async Task<Results<Created<ProductView>, ValidationProblem>> Create(
        ProductBody body, HttpContext http, ProductStore store, CancellationToken ct) =>
        await store.CreateAsync(http.User.Id(), body.ToDraft(), ct).ConfigureAwait(false) switch
        {
            Outcome<Product>.Ok ok => TypedResults.Created($"/api/v1/products/{ok.Value.Id}", ProductView.From(ok.Value)),
            Outcome<Product>.Invalid bad => ApiResults.Invalid(bad.Errors),
            var other => throw new InvalidOperationException(other.ToString()),
        };

    private static async Task<Results<Ok<ProductView>, ValidationProblem, ProblemHttpResult>> Update(
        long id, ProductBody body, HttpContext http, ProductStore store, CancellationToken ct) =>
        await store.UpdateAsync(http.User.Id(), id, body.ToDraft(), ct).ConfigureAwait(false) switch
        {
            Outcome<Product>.Ok ok => TypedResults.Ok(ProductView.From(ok.Value)),
            Outcome<Product>.Invalid bad => ApiResults.Invalid(bad.Errors),
            _ => ApiResults.NotFound("Product"),
        };
}
