using NodaTime;

namespace Wane.Domain.Guardrails;

/// <summary>Where the person stands now against the method's rules (the Today view).</summary>
/// <param name="LastKratomDose">When the last kratom dose was taken, if one is in the window.</param>
/// <param name="WearsOffAt">The last kratom dose plus R1's wear-off interval.</param>
/// <param name="SuggestedStrain">The in-stock strain used least recently, other than the last one used (as R2 suggests).</param>
/// <param name="LastKratomFreeDay">The most recent local day before today with no kratom, within R3's days; null if none.</param>
/// <param name="DaysSinceKratomFree">Days from that day to today (1 = yesterday).</param>
/// <param name="NextBreak">The scheduled break under way today, or else the next one.</param>
/// <param name="ToleranceTrends">S2's numbers for each kind with doses in S2's days.</param>
/// <param name="Advisories">
/// What stands now, most serious first: an S1 combination still inside its window, S3 lost tolerance after a
/// recent dose, S5 today's opioid total, S2 rising, R3 no kratom-free day, R1 wear-off still running.
/// </param>
/// <param name="WearOffs">Each substance taken in the last 24 h: its last dose and, where Wane has a sourced duration, when it wears off; newest first.</param>
public sealed record StandingReport(
    Instant? LastKratomDose,
    Instant? WearsOffAt,
    string? SuggestedStrain,
    LocalDate? LastKratomFreeDay,
    int? DaysSinceKratomFree,
    BreakPeriod? NextBreak,
    IReadOnlyList<ToleranceTrend> ToleranceTrends,
    IReadOnlyList<Advisory> Advisories,
    IReadOnlyList<SubstanceWearOff> WearOffs);
