using Microsoft.AspNetCore.Mvc;
using Wane.Domain;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

/// <summary>The plan form: preview (with or without JavaScript) and start.</summary>
internal sealed class NewModel(CreatePlan create, PreviewPlan preview) : FormPage
{
    [BindProperty] public List<PhaseInput> Phases { get; set; } = [new() { Substance = "kratom" }, new()];

    public PlanView? Preview { get; private set; }

    /// <summary>Whether errors carry a "phases[i]." prefix (two phases submitted).</summary>
    public bool MultiPhase => Phases.Count(p => !string.IsNullOrWhiteSpace(p.Substance)) > 1;

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewPartialAsync(CancellationToken ct)
    {
        await PreviewAsync(ct);
        return Preview is null
            ? Content($"<p class=\"error\">{System.Net.WebUtility.HtmlEncode(string.Join(" ", Errors.Select(e => $"{e.Key}: {e.Value}")))}</p>", "text/html")
            : Partial("_Schedule", Preview);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (body, errors) = Body();
        if (errors.Count == 0)
        {
            switch (await create.CreateAsync(User.Id(), body, null, ct))
            {
                case Outcome<PlanView>.Ok:
                    return Redirect("/plan");
                case Outcome<PlanView>.Invalid bad:
                    errors.AddRange(bad.Errors);
                    break;
            }
        }
        AddErrors(errors);
        return Page();
    }

    private async Task PreviewAsync(CancellationToken ct)
    {
        var (body, errors) = Body();
        if (errors.Count == 0)
        {
            switch (await preview.PreviewAsync(User.Id(), body, ct))
            {
                case Outcome<PlanView>.Ok ok:
                    Preview = ok.Value;
                    return;
                case Outcome<PlanView>.Invalid bad:
                    errors.AddRange(bad.Errors);
                    break;
            }
        }
        AddErrors(errors);
    }

    private (PlanBody Body, List<FieldError> Errors) Body()
    {
        var errors = new List<FieldError>();
        var used = Phases.Where((p, i) => i == 0 || !string.IsNullOrWhiteSpace(p.Substance)).ToList();
        var bodies = used.Select((p, i) => p.ToBody(used.Count > 1 ? $"phases[{i}]." : "", errors)).ToList();
        return (new PlanBody(null, null, null, null, null, null, null, null, null, null, bodies), errors);
    }
}
