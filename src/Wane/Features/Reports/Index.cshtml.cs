using Wane.Domain.Time;
using Wane.Features.Common;
using Wane.Features.Trends;

namespace Wane.Features.Reports;

/// <summary>The printable report (<c>/report?from&amp;to</c>): the same sections as the PDF, with the server's SVG charts.</summary>
internal sealed class IndexModel(GetReport report, GetTrends trends) : FormPage
{
    public ReportView? Report { get; private set; }
    public IReadOnlyList<ChartView> Charts { get; private set; } = [];
    public IReadOnlyList<Wane.Domain.FieldError> RangeErrors { get; private set; } = [];
    public string? From { get; private set; }
    public string? To { get; private set; }

    public async Task OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        (From, To) = (from, to);
        switch (await report.HandleAsync(User.Id(), from, to, ct))
        {
            case Outcome<ReportView>.Ok ok:
                Report = ok.Value;
                if (await trends.HandleAsync(User.Id(), ok.Value.From, ok.Value.To, GetReport.DefaultDays, ct) is Outcome<TrendsView>.Ok days)
                {
                    var end = TimeText.ParseDate(ok.Value.To)!.Value;
                    Charts = DoseCharts.Plan(days.Value, end, end);
                }
                break;
            case Outcome<ReportView>.Invalid bad:
                RangeErrors = bad.Errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }
    }
}
