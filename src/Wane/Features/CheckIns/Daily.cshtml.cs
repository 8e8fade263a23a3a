using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Features.Common;

namespace Wane.Features.CheckIns;

internal sealed class DailyModel(AddCheckIn store, IClock clock) : FormPage
{
    /// <summary>The red flags, by wire name, in the words the form uses.</summary>
    public static readonly IReadOnlyList<(string Wire, string Label)> Flags =
    [
        ("self-harm", "Thoughts of suicide or of harming yourself"),
        ("seizure", "A seizure"),
        ("fainting", "Fainting"),
        ("chest-pain", "Chest pain"),
        ("breathing", "Trouble breathing"),
        ("confusion", "Severe confusion, or so sedated you can hardly stay awake"),
        ("liver", "Yellow skin or eyes, or dark urine"),
    ];

    // Each field's first input, for the error summary's links.
    private static readonly Dictionary<string, (string Id, string Name)> Fields = new(StringComparer.Ordinal)
    {
        ["redFlags"] = ("flag-self-harm", "Red flags"),
        ["answers.pain"] = ("pain", "Pain"),
        ["answers.craving"] = ("craving", "Craving"),
        ["answers.sleep"] = ("sleep", "Sleep"),
        ["answers.mood"] = ("mood", "Mood"),
        ["note"] = ("note", "Note"),
    };

    [BindProperty] public string? Pain { get; set; }
    [BindProperty] public string? Sleep { get; set; }
    [BindProperty] public string? Mood { get; set; }
    [BindProperty] public string? Craving { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public List<string> RedFlags { get; set; } = [];

    /// <summary>A red flag's resources, shown first even when the rest of the form needs fixing.</summary>
    public IReadOnlyList<ResourceView> Resources { get; private set; } = [];

    public IReadOnlyList<ErrorLink> ErrorLinks =>
        Fields.Where(f => Errors.ContainsKey(f.Key)).Select(f => new ErrorLink("#" + f.Value.Id, $"{f.Value.Name}: {Errors[f.Key]}")).ToArray();

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
                Resources = CheckInViews.Resources(RedFlags);
                return Page();
            default:
                throw new InvalidOperationException();
        }
    }
}
