using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Products;
using Wane.Features.Common;

namespace Wane.Features.Journal;

/// <summary>Correct or delete one dose; each change is kept in the audit trail.</summary>
internal sealed class DoseModel(EditDose edit, DeleteDose delete, GetDoseHistory history, ProductQueries products, Profile profile, IClock clock) : FormPage
{
    [BindProperty] public DoseInput Input { get; set; } = new();
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public IReadOnlyList<DoseChangeView> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var dose = await edit.FindAsync(User.Id(), id, ct);
        if (dose is null)
        {
            return NotFound();
        }
        Input = DoseInput.From(dose, await profile.DaysAsync(User.Id(), ct));
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var days = await profile.DaysAsync(User.Id(), ct);
        switch (await edit.UpdateAsync(User.Id(), id, Input.ToCommand(days, clock.GetCurrentInstant()), ct))
        {
            case Outcome<LoggedDose>.Ok:
                return Redirect($"/doses/{id}");
            case Outcome<LoggedDose>.Invalid bad:
                AddErrors(bad.Errors);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                await LoadAsync(id, ct);
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>Erase the dose from its change history too (the form's checkbox).</summary>
    [BindProperty] public bool Purge { get; set; }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct) =>
        await delete.DeleteAsync(User.Id(), id, Purge, ct) ? Redirect("/") : NotFound();

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        // The products to choose from, plus the dose's own when it is archived (a correction must not move it silently).
        var own = (await edit.FindAsync(User.Id(), id, ct))?.ProductId;
        Products = (await products.ListAsync(User.Id(), ct)).Where(p => p.ArchivedAt is null || p.Id == own).ToList();
        Changes = await history.HistoryAsync(User.Id(), id, ct) ?? [];
    }
}
