using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Guardrails;
using Wane.Domain.Units;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Guardrails;

/// <summary>The rules with their settings and sources, and scheduled breaks.</summary>
internal sealed class IndexModel(GuardrailQueries store, UpdateGuardrails update, BreakQueries breaks, AddBreak addBreak, RemoveBreak removeBreak, ICharts charts, Profile profile, IClock clock) : FormPage
{
    [BindProperty] public string? BreakFrom { get; set; }
    [BindProperty] public string? BreakTo { get; set; }
    [BindProperty] public string? BreakNote { get; set; }

    public GuardrailsView Rules { get; private set; } = new([]);
    public IReadOnlyList<BreakView> Breaks { get; private set; } = [];
    public IReadOnlyList<ChartView> Tolerance { get; private set; } = [];
    public Dictionary<string, string> Submitted { get; } = new(StringComparer.Ordinal);
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRulesAsync(CancellationToken ct)
    {
        var changes = new Dictionary<string, RuleChange>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var rule in Domain.Guardrails.Guardrails.Rules)
        {
            var id = rule.Definition.Id;
            var values = new Dictionary<string, decimal>();
            foreach (var p in rule.Definition.Parameters)
            {
                var field = $"{id}.{p.Key}";
                var text = Request.Form[field].ToString();
                Submitted[field] = text;
                if (AmountText.TryParse(text, out var v, out var error))
                {
                    values[p.Key] = v;
                }
                else
                {
                    errors.Add(new(field, error!));
                }
            }
            changes[id] = new RuleChange(Request.Form[$"{id}.enabled"].Contains("true"), values);
        }
        // Values that parsed are range-checked too, so every problem shows at once.
        var outcome = errors.Count == 0 ? await update.UpdateAsync(User.Id(), changes, ct) : await update.BuildAsync(User.Id(), changes, ct);
        switch (outcome)
        {
            case Outcome<GuardrailSettings>.Ok when errors.Count == 0:
                return Redirect("/guardrails?saved=true");
            case Outcome<GuardrailSettings>.Invalid bad:
                errors.AddRange(bad.Errors);
                break;
        }
        AddErrors(errors);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddBreakAsync(CancellationToken ct)
    {
        switch (await addBreak.AddAsync(User.Id(), new BreakBody(BreakFrom, BreakTo, BreakNote), ct))
        {
            case Outcome<Break>.Ok:
                return Redirect("/guardrails?saved=true");
            case Outcome<Break>.Invalid bad:
                AddErrors(bad.Errors);
                break;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveBreakAsync(long id, CancellationToken ct)
    {
        await removeBreak.RemoveAsync(User.Id(), id, ct);
        return Redirect("/guardrails");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rules = GuardrailQueries.View(await store.GetAsync(User.Id(), ct));
        var today = (await profile.DaysAsync(User.Id(), ct)).DayOf(clock.GetCurrentInstant());
        Breaks = (await breaks.FromAsync(User.Id(), today, ct)).Select(BreakQueries.View).ToList();
        Tolerance = await charts.ToleranceAsync(User.Id(), ct);
    }
}
