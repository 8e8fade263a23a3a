using Microsoft.AspNetCore.Mvc;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Products;

internal sealed class IndexModel(ProductQueries store, CreateProduct create, ArchiveProduct archive) : FormPage
{
    [BindProperty] public ProductInput Input { get; set; } = new();
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public IReadOnlyList<Product> Active => Products.Where(p => p.ArchivedAt is null).ToList();
    public IReadOnlyList<Product> Archived => Products.Where(p => p.ArchivedAt is not null).ToList();
    public bool Welcome { get; private set; }

    public async Task OnGetAsync(bool welcome, CancellationToken ct)
    {
        Welcome = welcome;
        Products = await store.ListAsync(User.Id(), ct);
    }

    public async Task<IActionResult> OnPostUnarchiveAsync(long id, CancellationToken ct) =>
        await archive.HandleAsync(User.Id(), id, archived: false, ct) is Outcome<Product>.Ok ? Redirect("/products") : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (draft, parseErrors) = Input.ToDraft();
        if (parseErrors.Count == 0)
        {
            switch (await create.CreateAsync(User.Id(), draft, ct))
            {
                case Outcome<Product>.Ok:
                    return Redirect("/products");
                case Outcome<Product>.Invalid bad:
                    AddErrors(bad.Errors);
                    break;
            }
        }
        AddErrors(parseErrors);
        Products = await store.ListAsync(User.Id(), ct);
        return Page();
    }
}
