using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Products;
using Wane.Features.Common;

namespace Wane.Features.Journal;

/// <summary>The home page: the quick log form and today's doses with totals for the person's local day.</summary>
internal sealed class TodayModel(LogDose log, DoseQueries queries, ProductStore products, Profile profile, IClock clock) : FormPage
{
    [BindProperty] public DoseInput Input { get; set; } = new();
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public DayView Day { get; private set; } = new("", [], []);
    public string? Logged { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? logged, CancellationToken ct)
    {
        var user = await profile.UserAsync(User.Id(), ct);
        if (user is null)
        {
            return Redirect("/signin");
        }
        Input = new DoseInput { Unit = user.PreferredUnit, ClientId = Guid.NewGuid().ToString() };
        if (logged is { } id && await queries.GetAsync(User.Id(), id, ct) is { } d)
        {
            Logged = $"Logged {Fmt.Num(d.Amount)} {d.Unit} of {d.ProductName} at {d.LocalTime}.";
        }
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await profile.UserAsync(User.Id(), ct);
        if (user is null)
        {
            return Redirect("/signin");
        }
        var days = Profile.Days(user);
        var command = Input.ToCommand(days, clock.GetCurrentInstant());
        switch (await log.HandleAsync(User.Id(), command, ct))
        {
            case Outcome<LoggedDose>.Ok ok:
                return Redirect($"/?logged={ok.Value.Dose.Id}");
            case Outcome<LoggedDose>.Invalid bad:
                AddErrors(bad.Errors);
                break;
            default:
                AddErrors([new("productId", "Choose one of your products.")]);
                break;
        }
        await LoadAsync(user, ct);
        return Page();
    }

    private async Task LoadAsync(WaneUser user, CancellationToken ct)
    {
        Products = await products.ListAsync(user.Id, ct);
        var days = Profile.Days(user);
        var today = days.DayOf(clock.GetCurrentInstant());
        Day = DoseQueries.Day(today, await queries.RangeAsync(user.Id, days, today, today, ct), days);
    }
}
