using NodaTime;

namespace Wane.Domain.Tapering;

/// <summary>
/// One substance's taper as the person (or their clinician) asks for it. The start amount is
/// theirs; Wane never suggests one.
/// </summary>
/// <param name="Substance">"kratom", or an opioid in CDC's 2022 table ("oxycodone", "morphine", …).</param>
/// <param name="StartAmount">The daily amount at the start, in <paramref name="Unit"/>.</param>
/// <param name="Unit">Grams for kratom; MME or milligrams for an opioid.</param>
/// <param name="Pace">How fast to come down.</param>
/// <param name="IntervalDays">Days per step (1–365).</param>
/// <param name="DosesPerDay">Doses the daily amount is split into (1–12).</param>
/// <param name="Resolution">
/// The smallest amount the person can measure (0.1 g on a scale, a 0.5 g capsule, a 5 mg tablet);
/// 0.001 to the start amount, at most 3 decimal places. Every target is a multiple of it.
/// </param>
/// <param name="Splittable">Whether one resolution unit can be halved (a scored tablet): targets are then multiples of half of it.</param>
/// <param name="StartDate">The first day of the first step.</param>
/// <param name="Duration">How long an opioid has been used (decides which CDC pace the plan is checked against).</param>
public sealed record PhaseRequest(
    string? Substance,
    decimal StartAmount,
    PlanUnit Unit,
    Pace Pace,
    int IntervalDays,
    int DosesPerDay,
    decimal Resolution,
    bool Splittable,
    LocalDate StartDate,
    UseDuration Duration = UseDuration.Unknown);
