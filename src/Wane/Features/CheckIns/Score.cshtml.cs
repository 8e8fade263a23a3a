using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wane.Domain.CheckIns;
using Wane.Features.Common;

namespace Wane.Features.CheckIns;

/// <summary>SOWS (self) or COWS (observer) on one screen of large choices.</summary>
internal sealed class ScoreModel(AddCheckIn store, IClock clock) : FormPage
{
    // A dictionary by item index, not a list: a list stops binding at the first skipped item,
    // which would drop every later answer a person gave.
    [BindProperty] public Dictionary<int, int> Answers { get; set; } = [];

    public Instrument Instrument => Instruments.Find(RouteData.Values["instrument"] as string) ?? Instruments.Sows;

    /// <summary>The error summary: each item in error, linking to its first choice.</summary>
    public IReadOnlyList<ErrorLink> ErrorLinks =>
    [
        .. Errors.TryGetValue("answers", out var all) ? [new ErrorLink("#answer-1", all)] : Array.Empty<ErrorLink>(),
        .. Instrument.Items
            .Where(item => Errors.ContainsKey($"answers[{item.Number - 1}]"))
            .Select(item => new ErrorLink($"#answer-{item.Number}", $"Item {item.Number}, \u201c{item.Text}\u201d: {Errors[$"answers[{item.Number - 1}]"]}")),
    ];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var missing = Enumerable.Range(0, Instrument.Items.Count).Where(i => !Answers.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            AddErrors(missing.Select(i => new Domain.FieldError($"answers[{i}]", "Choose a score: every item counts.")));
            return Page();
        }
        var kind = Instrument.Kind == InstrumentKind.Sows ? "sows" : "cows";
        switch (await store.ScoreAsync(User.Id(), kind, Enumerable.Range(0, Instrument.Items.Count).Select(i => Answers[i]).ToList(), clock.GetCurrentInstant(), ct))
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
