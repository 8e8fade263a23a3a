using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Products;
using Wane.Features.Common;
using Wane.Features.Guardrails;

namespace Wane.Features.Journal;

/// <summary>The home page: the quick log form and today's doses with totals for the person's local day.</summary>
internal sealed class TodayModel(LogDose log, ConfirmDose confirm, PendingDoseTicket tickets, RepeatDose repeat, DoseQueries queries, ProductQueries products, Profile profile, GetStatus status, ICharts charts, IClock clock) : FormPage
{
    [BindProperty] public DoseInput Input { get; set; } = new();
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>The dose as evaluated when the advice was shown (protected), so "Log anyway" does not evaluate it again.</summary>
    [BindProperty(Name = PendingDoseTicket.Field)] public string? Confirm { get; set; }

    /// <summary>True when the journal changed between the advice and "Log anyway", so the advice shown is new.</summary>
    public bool Readvised { get; private set; }
    [TempData] public string? AdviceJson { get; set; }

    /// <summary>Cautions or dangers waiting for "Log anyway" or "Don't log".</summary>
    public IReadOnlyList<AdvisoryView> Pending { get; private set; } = [];

    /// <summary>The advice about the dose just logged.</summary>
    public IReadOnlyList<AdvisoryView> AfterLogging { get; private set; } = [];
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public DayView Day { get; private set; } = new("", [], []);
    public string? Logged { get; private set; }
    public StatusView? Status { get; private set; }
    public IReadOnlyList<RecentDose> Recent { get; private set; } = [];
    public QuickLogView Quick { get; private set; } = new([], []);

    /// <summary>The last 14 days per kind, against the cap and the plan.</summary>
    public IReadOnlyList<ChartView> Charts { get; private set; } = [];

    /// <summary>For a local time that was skipped or repeated: the instants it may mean, to choose from.</summary>
    public IReadOnlyList<(string Value, string Label)> TimeChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? logged, CancellationToken ct)
    {
        var user = await profile.UserAsync(User.Id(), ct);
        if (user is null)
        {
            return Redirect("/signin");
        }
        Recent = await repeat.RecentAsync(user.Id, ct);
        Products = await products.ActiveAsync(user.Id, ct);
        // Start on the product taken last that is not archived, in the unit it was taken in (the form falls back to a unit that fits).
        Input = Recent.FirstOrDefault(r => Products.Any(p => p.Id == r.ProductId)) is { } last
            ? new DoseInput { ProductId = last.ProductId.ToString(System.Globalization.CultureInfo.InvariantCulture), Unit = Domain.Units.DoseUnits.Name(last.Unit), ClientId = Guid.NewGuid().ToString() }
            : new DoseInput { Unit = user.PreferredUnit, ClientId = Guid.NewGuid().ToString() };
        if (logged is { } id && await queries.GetAsync(User.Id(), id, ct) is { } d)
        {
            var which = Domain.Time.TimeText.ParseInstant(d.TakenAt) is { } at ? Domain.Time.TimeText.Clarify(at, Profile.Days(user)) : null;
            Logged = $"Logged {Fmt.Num(d.Amount)} {d.Unit} of {d.ProductName} at {d.LocalTime}{(which is null ? "" : $" ({which})")}.";
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
        if (Confirmed && !string.IsNullOrEmpty(Confirm))
        {
            return await ConfirmAsync(user, days, ct);
        }
        var command = Input.ToCommand(days, clock.GetCurrentInstant());
        // Evaluated once: stored at once when nothing needs confirming, else kept for "Log anyway".
        // Confirmed without a kept evaluation (a script posting the form) logs as the API does.
        var outcome = Confirmed ? null : await log.ReplayAsync(user.Id, command.ClientId, ct);
        if (!Confirmed && outcome is null)
        {
            switch (await log.CheckAsync(user.Id, command, ct))
            {
                case Outcome<CheckedDose>.Ok { Value: var check }:
                    var views = Advice.Views(check.Advisories);
                    if (Advice.NeedsConfirmation(views))
                    {
                        await AskAsync(user, await confirm.HoldAsync(user.Id, check, command.ClientId, ct), views, ct);
                        return Page();
                    }
                    outcome = await log.StoreAsync(user.Id, command.ClientId, check, ct);
                    break;
                case Outcome<CheckedDose>.Invalid bad:
                    outcome = Outcome<LoggedDose>.Fail(bad.Errors);
                    break;
                default:
                    outcome = new Outcome<LoggedDose>.NotFound("Product");
                    break;
            }
        }
        switch (outcome ?? await log.HandleAsync(user.Id, command, ct))
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
        TimeChoices = Input.TimeChoices.Select(c => (Domain.Time.TimeText.FormatLocal(c, days), Label(c, days))).ToArray();
        // Nothing was stored: say so to the browser and to scripts the way the API does.
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(user, ct);
        return Page();
    }

    /// <summary>"Log anyway": store the dose as evaluated, unless the journal changed since; then show the new advice.</summary>
    private async Task<IActionResult> ConfirmAsync(WaneUser user, Domain.Time.LocalDays days, CancellationToken ct)
    {
        var read = await tickets.UnprotectAsync(user.Id, Confirm, days, ct);
        var result = read is Outcome<(PendingDose Pending, IReadOnlyList<AdvisoryView> Advice)>.Ok { Value: var kept }
            ? await confirm.ConfirmAsync(user.Id, kept.Pending, ct)
            : read switch
            {
                Outcome<(PendingDose, IReadOnlyList<AdvisoryView>)>.Invalid bad => Outcome<Confirmation>.Fail(bad.Errors),
                _ => new Outcome<Confirmation>.NotFound("Product"),
            };
        switch (result)
        {
            case Outcome<Confirmation>.Ok { Value: Confirmation.Logged logged }:
                AdviceJson = System.Text.Json.JsonSerializer.Serialize(((Outcome<(PendingDose, IReadOnlyList<AdvisoryView> Advice)>.Ok)read).Value.Advice, System.Text.Json.JsonSerializerOptions.Web);
                return Redirect($"/?logged={logged.Dose.Dose.Id}");
            case Outcome<Confirmation>.Ok { Value: Confirmation.Changed changed }:
                // Never stored silently: the advice may be different now, so it is shown again.
                Readvised = true;
                await AskAsync(user, changed.Fresh, Advice.Views(changed.Fresh.Checked.Advisories), ct);
                return Page();
        }
        AddErrors(result switch
        {
            Outcome<Confirmation>.Invalid bad => bad.Errors,
            Outcome<Confirmation>.Gone gone => [new("clientId", gone.Title)],
            _ => [new("productId", "Choose one of your products.")],
        });
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(user, ct);
        return Page();
    }

    private async Task AskAsync(WaneUser user, PendingDose pending, IReadOnlyList<AdvisoryView> views, CancellationToken ct)
    {
        Pending = views;
        Confirm = tickets.Protect(user.Id, pending, views);
        await LoadAsync(user, ct);
    }

    private static string Label(Instant choice, Domain.Time.LocalDays days) =>
        $"{Domain.Time.TimeText.FormatClock(days.LocalTimeOf(choice))} {Domain.Time.TimeText.Offset(days.Zone.GetUtcOffset(choice))}" +
        (Domain.Time.TimeText.Clarify(choice, days) is { } which ? $" ({which.Split(',')[0]})" : "");

    private async Task LoadAsync(WaneUser user, CancellationToken ct)
    {
        // Archived products leave the form and the one-tap choices (QuickLogView keeps only these).
        Products = await products.ActiveAsync(user.Id, ct);
        if (Recent.Count == 0)
        {
            Recent = await repeat.RecentAsync(user.Id, ct);
        }
        Quick = QuickLogView.From(Recent, Products);
        var days = Profile.Days(user);
        var today = days.DayOf(clock.GetCurrentInstant());
        Day = DoseQueries.Day(today, await queries.RangeAsync(user.Id, days, today, today, ct), days);
        Status = await status.HandleAsync(user.Id, ct);
        Charts = await charts.RecentAsync(user.Id, ct);
    }
}
