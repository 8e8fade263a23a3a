using Wane.Domain.CheckIns;
using Wane.Features.Common;

namespace Wane.Features.CheckIns;

internal sealed class IndexModel(ListCheckIns store, IPlanHolds plans) : FormPage
{
    public CheckInListView List { get; private set; } = new("", "", []);
    public CheckInView? Saved { get; private set; }
    public string? Hold { get; private set; }

    /// <summary>The listed check-ins drawn: SOWS and COWS on their bands, the daily ratings.</summary>
    public IReadOnlyList<ChartView> Charts => CheckInCharts.For(List);

    /// <summary>
    /// The care-card class for a band's severity, one visual language across Wane: none neutral,
    /// mild non-urgent (blue), moderate caution (amber, as caution advisories), severe urgent
    /// (red, as danger advisories and red flags). Severe is never green.
    /// </summary>
    public static string Care(Severity? severity) => severity switch
    {
        Severity.Mild => "non-urgent",
        Severity.Moderate => "caution",
        Severity.Severe => "urgent",
        _ => "neutral",
    };

    /// <summary>The band in words a person reads first, e.g. "Severe withdrawal: get help today".</summary>
    public static string Headline(CheckInView c) => c.BandSeverity switch
    {
        Severity.Severe => $"{Capital(c.Band)} withdrawal: call a clinician today",
        Severity.Moderate => "Moderate withdrawal: let the plan wait",
        Severity.Mild => "Mild withdrawal: rest and keep drinking fluids",
        _ => c.Kind == InstrumentKind.Cows ? "Below the mild band" : "No withdrawal on this scale",
    };

    private static string Capital(string? s) => string.IsNullOrEmpty(s) ? "" : char.ToUpperInvariant(s[0]) + s[1..];

    public async Task OnGetAsync(long? saved, CancellationToken ct)
    {
        if (await store.ListAsync(User.Id(), null, null, ct) is Outcome<CheckInListView>.Ok ok)
        {
            List = ok.Value;
        }
        Saved = saved is { } id ? List.CheckIns.FirstOrDefault(c => c.Id == id) : null;
        if (Saved is not null)
        {
            Hold = (await plans.AutomaticHoldAsync(User.Id(), ct)).Reason;
        }
    }
}
