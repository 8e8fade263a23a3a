using Wane.Domain.Time;

namespace Wane.Domain.Guardrails;

/// <summary>Everything the rules may look at besides the candidate dose and the settings.</summary>
/// <param name="Days">The person's local days (zone and day-start hour).</param>
/// <param name="History">
/// Past doses, sorted by <see cref="DoseFact.TakenAt"/> ascending. Hosts pass only the window
/// <see cref="Guardrails.Window(GuardrailSettings)"/> asks for; the engine itself also ignores anything older than the
/// window and anything at or after the candidate's time (a backfilled dose is judged against the
/// history as it was then).
/// </param>
/// <param name="Stock">The person's products, for R2's suggestion.</param>
/// <param name="Breaks">Scheduled breaks (R3).</param>
/// <param name="HasActivePlan">An active taper plan: R3 only informs (a sudden break in someone dependent is a withdrawal).</param>
/// <param name="PlanDailyAllowance">Today's allowance from an active plan, in the plan substance's normal unit (R4).</param>
public sealed record GuardrailContext(
    LocalDays Days,
    IReadOnlyList<DoseFact> History,
    IReadOnlyList<StockItem> Stock,
    IReadOnlyList<BreakPeriod> Breaks,
    bool HasActivePlan = false,
    Journal.Normalized? PlanDailyAllowance = null);
