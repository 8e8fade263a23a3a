using NodaTime;

namespace Wane.Features.Common;

/// <summary>
/// The charts the Today, Plan and Guardrails pages show. They draw a person's days (doses, the plan's targets, check-ins),
/// which the Trends area reads from the areas below it; a page of those areas asks through this interface, implemented
/// by Trends (<c>ShowCharts</c>), so no area depends on one above it (ADR 0024).
/// </summary>
internal interface ICharts
{
    /// <summary>Days drawn on Today.</summary>
    public const int RecentDays = 14;

    /// <summary>Days drawn on the tolerance chart (Guardrails page).</summary>
    public const int ToleranceDays = 56;

    /// <summary>The last <see cref="RecentDays"/> local days per kind, against the cap (R4) and the plan's target.</summary>
    Task<IReadOnlyList<ChartView>> RecentAsync(string userId, CancellationToken ct);

    /// <summary>A plan from its start to a week after its end (three years at most): targets, what was taken, holds.</summary>
    Task<IReadOnlyList<ChartView>> PlanAsync(string userId, LocalDate start, LocalDate end, CancellationToken ct);

    /// <summary>S2 day by day over the last <see cref="ToleranceDays"/> days, per kind taken.</summary>
    Task<IReadOnlyList<ChartView>> ToleranceAsync(string userId, CancellationToken ct);
}
