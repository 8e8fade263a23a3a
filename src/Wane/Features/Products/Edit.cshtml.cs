using Microsoft.AspNetCore.Mvc;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Products;

internal sealed class EditModel(ProductStore store) : FormPage
{
    [BindProperty] public ProductInput Input { get; set; } = new();
    public string Title { get; private set; } = "Product";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var product = await store.GetAsync(User.Id(), id, ct);
        if (product is null)
        {
            return NotFound();
        }
        Input = ProductInput.From(product);
        Title = product.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var (draft, parseErrors) = Input.ToDraft();
        Title = Input.Name ?? "Product";
        if (parseErrors.Count > 0)
        {
            AddErrors(parseErrors);
            return Page();
        }
        switch (await store.UpdateAsync(User.Id(), id, draft, ct))
        {
            case Outcome<Product>.Ok:
                return Redirect("/products");
            case Outcome<Product>.Invalid bad:
                AddErrors(bad.Errors);
                return Page();
            default:
                return NotFound();
        }
    }
}
