using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Products;

/// <summary>
/// Archiving a product: it leaves the log form, "same as last time" and the favourites, while its doses stay
/// and keep showing its name. Unarchiving brings it back. A dose of an archived product is still recorded
/// when one is sent (records come first: an offline client's queue, or the last of an old stash).
/// </summary>
internal sealed class ArchiveProduct(WaneDb db, IClock clock)
{
    public async Task<Outcome<Product>> HandleAsync(string userId, long id, bool archived, CancellationToken ct)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id && p.UserId == userId, ct).ConfigureAwait(false);
        if (product is null)
        {
            return new Outcome<Product>.NotFound("Product");
        }
        // Archiving twice keeps the first moment; unarchiving what is in use changes nothing.
        if (archived != product.ArchivedAt is not null)
        {
            var now = clock.GetCurrentInstant();
            product.ArchivedAt = archived ? now : null;
            product.UpdatedAt = now;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        return product;
    }
}

internal static class ArchiveProductEndpoints
{
    public static RouteGroupBuilder MapArchiveProductEndpoints(this RouteGroupBuilder products)
    {
        products.MapPost("/{id:long}/archive", Archive).WithName("ArchiveProduct")
            .WithSummary("Archive a product: it leaves the log form and the one-tap choices; its doses stay");
        products.MapPost("/{id:long}/unarchive", Unarchive).WithName("UnarchiveProduct")
            .WithSummary("Bring an archived product back to the log form");
        products.MapDelete("/{id:long}", Delete).WithName("DeleteProduct")
            .WithSummary("Delete a product never used in a dose (one with doses answers 409: archive it instead)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return products;
    }

    private static Task<Results<Ok<ProductView>, ProblemHttpResult>> Archive(long id, HttpContext http, ArchiveProduct handler, CancellationToken ct) =>
        SetAsync(id, archived: true, http, handler, ct);

    private static Task<Results<Ok<ProductView>, ProblemHttpResult>> Unarchive(long id, HttpContext http, ArchiveProduct handler, CancellationToken ct) =>
        SetAsync(id, archived: false, http, handler, ct);

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> SetAsync(long id, bool archived, HttpContext http, ArchiveProduct handler, CancellationToken ct) =>
        await handler.HandleAsync(http.User.Id(), id, archived, ct).ConfigureAwait(false) is Outcome<Product>.Ok ok
            ? TypedResults.Ok(ProductView.From(ok.Value))
            : ApiResults.NotFound("Product");

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, HttpContext http, DeleteProduct handler, CancellationToken ct) =>
        await handler.HandleAsync(http.User.Id(), id, ct).ConfigureAwait(false) switch
        {
            Outcome<bool>.Ok => TypedResults.NoContent(),
            Outcome<bool>.Conflict c => ApiResults.Conflict(c.Title, c.Detail),
            _ => ApiResults.NotFound("Product"),
        };
}
