using System.Diagnostics.Metrics;

namespace Wane.Features.Journal;

/// <summary>
/// In-process counters of the reads logging a dose makes (dotnet-counters can watch the meter
/// <see cref="MeterName"/>; nothing exports them). Tests use them to prove one evaluation (one window read) per logged dose.
/// </summary>
internal sealed class JournalMetrics
{
    public const string MeterName = "Wane.Journal";

    public JournalMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        Evaluations = meter.CreateCounter<long>("wane.guardrails.evaluations", description: "Doses judged by the guardrails: each reads the window of doses, the settings, the breaks and the plan once");
    }

    /// <summary>One per candidate dose evaluated (a preview, a log, an edit).</summary>
    public Counter<long> Evaluations { get; }
}
