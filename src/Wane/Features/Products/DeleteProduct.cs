using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Features.Common;

namespace Wane.Features.Products;

/// <summary>
/// Deleting a product that no dose uses (one added by mistake). A product with doses is part of the record:
/// deleting it would orphan them, so the answer is a conflict that says to archive it instead.
/// </summary>
internal sealed class DeleteProduct(WaneDb db)
{
    public const string UsedTitle = "This product has doses, so it cannot be deleted; archive it instead.";

    /// <summary>How many of the person's doses use the product.</summary>
    public Task<int> DosesAsync(string userId, long id, CancellationToken ct) =>
        db.Doses.CountAsync(d => d.UserId == userId && d.ProductId == id, ct);

    public async Task<Outcome<bool>> HandleAsync(string userId, long id, CancellationToken ct)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id && p.UserId == userId, ct).ConfigureAwait(false);
        if (product is null)
        {
            return new Outcome<bool>.NotFound("Product");
        }
        var doses = await DosesAsync(userId, id, ct).ConfigureAwait(false);
        if (doses > 0)
        {
            return new Outcome<bool>.Conflict(UsedTitle,
                $"{doses.ToString(CultureInfo.InvariantCulture)} dose{(doses == 1 ? "" : "s")} of \"{product.Name}\" are recorded. Archiving it (POST /api/v1/products/{id.ToString(CultureInfo.InvariantCulture)}/archive) takes it off the log form and keeps its doses.");
        }
        db.Products.Remove(product);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A dose logged with it in the meantime: the foreign key keeps the product, as the check above would have.
            return new Outcome<bool>.Conflict(UsedTitle, "A dose of it was logged just now.");
        }
        return true;
    }
}
