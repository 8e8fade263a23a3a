using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Wane.Domain.CheckIns;
using Wane.Features.CheckIns;
using Wane.Features.Common;

namespace Wane.Features.Sharing;

/// <summary>A share given to the signed-in account (<c>/shared/{id}</c>): the shared record, and the COWS form when allowed.</summary>
internal sealed class ViewerModel(ShareGrants grants, ViewShared view, EnterCows cows) : FormPage
{
    // By item index, as on the Score page: a list would stop binding at the first skipped item.
    [BindProperty] public Dictionary<int, int> Answers { get; set; } = [];

    public SharedPage Shared { get; private set; } = null!;
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await grants.ForViewerAsync(User.Id(), id, ct) is not { } grant)
        {
            return NotFound();
        }
        Shared = await view.PageAsync(grant, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCowsAsync(long id, CancellationToken ct)
    {
        var count = Instruments.Cows.Items.Count;
        var missing = Enumerable.Range(0, count).Where(i => !Answers.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            AddErrors(missing.Select(i => new Domain.FieldError($"answers[{i}]", "Choose a score: every item counts.")));
        }
        else
        {
            var answers = JsonSerializer.SerializeToElement(Enumerable.Range(0, count).Select(i => Answers[i]).ToList());
            switch (await cows.HandleAsync(User.Id(), id, new SharedCowsBody("cows", null, answers), ct))
            {
                case Outcome<CheckInView>.Ok ok:
                    Saved = $"{ok.Value.Score}/{ok.Value.Max}{(ok.Value.Band is { } b ? $" ({b})" : "")}";
                    Answers = [];
                    break;
                case Outcome<CheckInView>.Invalid bad:
                    AddErrors(bad.Errors);
                    break;
                case Outcome<CheckInView>.Conflict:
                    return StatusCode(StatusCodes.Status403Forbidden);
                default:
                    return NotFound();
            }
        }
        if (await grants.ForViewerAsync(User.Id(), id, ct) is not { } grant)
        {
            return NotFound();
        }
        Shared = await view.PageAsync(grant, ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
