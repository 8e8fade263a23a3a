using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Features.Common;

namespace Wane.Features.CheckIns;

internal sealed class DailyModel(CheckInStore store, IClock clock) : FormPage
{
    [BindProperty] public string? Pain { get; set; }
    [BindProperty] public string? Sleep { get; set; }
    [BindProperty] public string? Mood { get; set; }
    [BindProperty] public string? Craving { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public List<string> RedFlags { get; set; } = [];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new List<FieldError>();
        int? Int(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            {
                return v;
            }
            errors.Add(new(field, "Use a whole number."));
            return null;
        }
        var draft = new DailyDraft(Int(Pain, "answers.pain"), Int(Sleep, "answers.sleep"), Int(Mood, "answers.mood"), Int(Craving, "answers.craving"), Note, RedFlags);
        switch (await store.DailyAsync(User.Id(), draft, clock.GetCurrentInstant(), errors, ct))
        {
            case Outcome<CheckInView>.Ok ok:
                return Redirect($"/checkins?saved={ok.Value.Id}");
            case Outcome<CheckInView>.Invalid bad:
                AddErrors(bad.Errors);
                return Page();
            default:
                throw new InvalidOperationException();
        }
    }
}
