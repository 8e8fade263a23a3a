using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Products;
using Wane.Features.Common;
using Wane.Features.Guardrails;

namespace Wane.Features.Journal;

/// <summary>The home page: the quick log form and today's doses with totals for the person's local day.</summary>
internal sealed class TodayModel(LogDose log, DoseQueries queries, ProductStore products, Profile profile, GetStatus status, IClock clock) : FormPage
{
    [BindProperty] public DoseInput Input { get; set; } = new();
    [BindProperty] public bool Confirmed { get; set; }
    [TempData] public string? AdviceJson { get; set; }

    /// <summary>Cautions or dangers waiting for "Log anyway" or "Don't log".</summary>
    public IReadOnlyList<AdvisoryView> Pending { get; private set; } = [];

    /// <summary>The advice about the dose just logged.</summary>
    public IReadOnlyList<AdvisoryView> AfterLogging { get; private set; } = [];
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public DayView Day { get; private set; } = new("", [], []);
    public string? Logged { get; private set; }
    public StatusView? Status { get; private set; }

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
            AfterLogging = AdviceJson is null ? [] : System.Text.Json.JsonSerializer.Deserialize<AdvisoryView[]>(AdviceJson, System.Text.Json.JsonSerializerOptions.Web) ?? [];
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
        if (!Confirmed && await log.CheckAsync(User.Id(), command, ct) is Outcome<CheckedDose>.Ok { Value: var check }
            && Advice.NeedsConfirmation(Advice.Views(check.Advisories)))
        {
            Pending = Advice.Views(check.Advisories);
            await LoadAsync(user, ct);
            return Page();
        }
        switch (await log.HandleAsync(User.Id(), command, ct))
        {
            case Outcome<LoggedDose>.Ok ok:
                AdviceJson = System.Text.Json.JsonSerializer.Serialize(Advice.Views(ok.Value.Advisories), System.Text.Json.JsonSerializerOptions.Web);
                return Redirect($"/?logged={ok.Value.Dose.Id}");
            case Outcome<LoggedDose>.Invalid bad:
                AddErrors(bad.Errors);
                break;
            case Outcome<LoggedDose>.Gone gone:
                // The form was sent again after its dose was deleted: say so rather than log it twice.
                AddErrors([new("clientId", gone.Title)]);
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
        Status = await status.HandleAsync(user.Id, ct);
    }
}
