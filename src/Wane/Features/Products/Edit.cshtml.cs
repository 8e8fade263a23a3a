using Microsoft.AspNetCore.Mvc;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Products;

internal sealed class EditModel(ProductQueries store, UpdateProduct update, SetFavourites favourites, ArchiveProduct archive, DeleteProduct delete) : FormPage
{
    [BindProperty] public ProductInput Input { get; set; } = new();
    public string Title { get; private set; } = "Product";

    /// <summary>Favourite amounts as typed: "2 g, 3 g".</summary>
    [BindProperty] public string? Favourites { get; set; }
    public IReadOnlyList<string> Units { get; private set; } = [];
    public bool FavouritesSaved { get; private set; }
    public bool IsArchived { get; private set; }
    public int DoseCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var product = await store.GetAsync(User.Id(), id, ct);
        if (product is null)
        {
            return NotFound();
        }
        await ShowAsync(product, ct);
        FavouritesSaved = Request.Query.ContainsKey("favourites");
        return Page();
    }

    public Task<IActionResult> OnPostArchiveAsync(long id, CancellationToken ct) => SetArchivedAsync(id, true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(long id, CancellationToken ct) => SetArchivedAsync(id, false, ct);

    private async Task<IActionResult> SetArchivedAsync(long id, bool archived, CancellationToken ct) =>
        await archive.HandleAsync(User.Id(), id, archived, ct) is Outcome<Product>.Ok ? Redirect("/products") : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        switch (await delete.HandleAsync(User.Id(), id, ct))
        {
            case Outcome<bool>.Ok:
                return Redirect("/products");
            case Outcome<bool>.Conflict conflict:
                await ShowAsync((await store.GetAsync(User.Id(), id, ct))!, ct);
                AddErrors([new Domain.FieldError("product", conflict.Title)]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task ShowAsync(Product product, CancellationToken ct)
    {
        IsArchived = product.ArchivedAt is not null;
        DoseCount = await delete.DosesAsync(User.Id(), product.Id, ct);
        Show(product);
    }

    private void Show(Product product)
    {
        Input = ProductInput.From(product);
        Title = product.Name;
        Units = ProductView.From(product).Units;
        Favourites = string.Join(", ", Domain.Journal.FavouriteAmounts.Parse(product.Favourites));
    }

    public async Task<IActionResult> OnPostFavouritesAsync(long id, CancellationToken ct)
    {
        var product = await store.GetAsync(User.Id(), id, ct);
        if (product is null)
        {
            return NotFound();
        }
        var typed = Favourites;
        var (items, errors) = SetFavourites.ParseList([typed ?? ""]);
        if (errors.Count == 0 && await favourites.HandleAsync(User.Id(), id, items, ct) is Outcome<Product>.Invalid bad)
        {
            errors = bad.Errors;
        }
        if (errors.Count == 0)
        {
            return Redirect($"/products/{id}?favourites=saved#favourites-h");
        }
        await ShowAsync(product, ct);
        Favourites = typed;
        AddErrors(errors.Select(e => new Domain.FieldError("favourites", e.Message)));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var (draft, parseErrors) = Input.ToDraft();
        Title = Input.Name ?? "Product";
        if (await store.GetAsync(User.Id(), id, ct) is { } current)
        {
            IsArchived = current.ArchivedAt is not null;
            DoseCount = await delete.DosesAsync(User.Id(), id, ct);
        }
        if (parseErrors.Count > 0)
        {
            AddErrors(parseErrors);
            return Page();
        }
        switch (await update.UpdateAsync(User.Id(), id, draft, ct))
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
