using System.Globalization;
using NodaTime;
using Wane.Domain.Guardrails;
using Wane.Domain.Opioids;
using Wane.Domain.Time;
using Wane.Domain.Units;

namespace Wane.Domain.Tapering;

/// <summary>
/// The plan's advisories T1–T4. They judge the pace the person chose (the unrounded amounts), not the
/// jumps a coarse measuring resolution forces, and never propose an amount.
/// </summary>
internal static class TaperAdvice
{
    /// <summary>CDC 2022's and the community's 10% (per month or per week).</summary>
    private const double TenPercent = 0.10;

    // Decimal arithmetic rounds in the 28th digit; a pace of exactly 10% must not read as faster.
    private const double Tolerance = 1e-9;

    /// <summary>One cut between consecutive intervals of the pace, and how fast it is on the scale it is judged by.</summary>
    private sealed record Cut(decimal From, decimal To, int Days, double Rate, string Scale);

    public static IReadOnlyList<Advisory> For(IReadOnlyList<(ValidPhase Phase, PhaseSchedule Schedule)> phases, LocalDate end)
    {
        var advisories = new List<Advisory>();
        foreach (var (phase, schedule) in phases)
        {
            var label = phases.Count == 1 ? "" : $"Phase {(phase.Index + 1).ToString(CultureInfo.InvariantCulture)} ({phase.Substance}): ";
            if (phase.IsOpioid)
            {
                if (OpioidPaceTooFast(phase, schedule, label) is { } t1)
                {
                    advisories.Add(t1);
                }
            }
            else
            {
                if (KratomPaceTooFast(phase, schedule, label) is { } t2)
                {
                    advisories.Add(t2);
                }
                advisories.Add(NoKratomProtocol(label));
            }
        }
        advisories.Add(LostTolerance(phases.Any(p => p.Phase.IsOpioid), end));
        return advisories;
    }

    /// <summary>
    /// The cuts of the pace: D_n → D_n+1 over one interval. The last cut, to zero, counts only when it is
    /// from more than the smallest measurable amount (a final step from one unit is how every taper ends).
    /// </summary>
    private static IEnumerable<(decimal From, decimal To)> Cuts(ValidPhase phase, PhaseSchedule schedule)
    {
        var exact = schedule.Exact;
        for (var n = 0; n + 1 < exact.Count; n++)
        {
            yield return (exact[n], exact[n + 1]);
        }
        if (PhaseSchedule.Round(exact[^1], phase.Resolution) > phase.Resolution)
        {
            yield return (exact[^1], 0m);
        }
    }

    private static double OfCurrent(decimal from, decimal to, int days, int per) =>
        1 - Math.Pow((double)(to / from), (double)per / days);

    private static Advisory? OpioidPaceTooFast(ValidPhase phase, PhaseSchedule schedule, string label)
    {
        var request = phase.Request;
        var days = request.IntervalDays;
        var d0 = request.StartAmount;
        var shortUse = request.Duration == UseDuration.WeeksToMonths;
        var cuts = Cuts(phase, schedule).Select(c => !shortUse
                ? new Cut(c.From, c.To, days, OfCurrent(c.From, c.To, days, 30), "of the current dose a month")
                : c.From > d0 * ExactTargets.CdcSwitchShare
                    ? new Cut(c.From, c.To, days, (double)((c.From - c.To) / d0) * 7 / days, "of the original dose a week")
                    : new Cut(c.From, c.To, days, OfCurrent(c.From, c.To, days, 7), "of the current dose a week"))
            .ToArray();
        var fast = cuts.Where(c => c.Rate > TenPercent + Tolerance).ToArray();
        if (fast.Length == 0)
        {
            return null;
        }
        var unit = request.Unit;
        var pace = request.Duration switch
        {
            UseDuration.WeeksToMonths => "For opioids used for weeks to months, CDC 2022 advises cutting 10% of the original dose a week or slower until about 30% of it remains, then about 10% of the remaining dose a week.",
            UseDuration.YearOrMore => "For opioids used for a year or more, CDC 2022 advises about 10% a month or slower.",
            _ => "How long the opioid has been used decides the pace CDC 2022 advises: about 10% a month or slower after a year or more; 10% of the original dose a week for weeks to months. "
                + "The plan doesn't say how long, so Wane checked it against the slower pace.",
        };
        var message = label + Describe(fast[0], unit, "dose") + " " + pace + " " + Count(fast.Length, cuts.Length)
            + (unit == PlanUnit.Mme ? " " + MmeFactors.Caution : "");
        return new Advisory(
            "T1",
            AdvisoryLevel.Caution,
            "Faster than CDC's taper pace",
            message,
            "Tapering opioids quickly can bring severe withdrawal, worse pain, distress and thoughts of suicide, and can push people to illicit opioids (HHS 2019). "
                + "In a large study, tapering was linked to overdoses and mental-health crises; the slowest tapers (under 10% a month) had the lowest rates (" + TaperSources.FastTaperHarms.Citation + ").",
            TaperSources.OpioidPace,
            "Consider a slower pace: a smaller cut, or more days per step. Slowing or pausing a taper is acceptable (CDC 2022): add a hold whenever you need one. Talk the pace over with your prescriber.");
    }

    private static Advisory? KratomPaceTooFast(ValidPhase phase, PhaseSchedule schedule, string label)
    {
        var days = phase.Request.IntervalDays;
        var cuts = Cuts(phase, schedule)
            .Select(c => new Cut(c.From, c.To, days, OfCurrent(c.From, c.To, days, 7), "of the current amount a week"))
            .ToArray();
        var fast = cuts.Where(c => c.Rate > TenPercent + Tolerance).ToArray();
        if (fast.Length == 0)
        {
            return null;
        }
        return new Advisory(
            "T2",
            AdvisoryLevel.Caution,
            "Faster than community-reported kratom tapers",
            label + Describe(fast[0], PlanUnit.Grams, "amount")
                + " Community-reported kratom tapers cut about 5% every 5–7 days, or about 10% for lighter users. " + Count(fast.Length, cuts.Length),
            "Faster cuts tend to bring stronger withdrawal. These paces are what people report from practice (r/kratom wiki); no study has validated them.",
            TaperSources.KratomPace,
            "Consider a smaller cut or more days per step. Slowing down or pausing is always allowed: add a hold whenever you need one.");
    }

    private static Advisory NoKratomProtocol(string label) => new(
        "T3",
        AdvisoryLevel.Info,
        "There is no validated kratom taper",
        label + "No taper protocol for kratom has been validated in studies. The pace of this phase is your choice (or your clinician's); the paces Wane mentions are community practice.",
        "Kratom is not an approved treatment for opioid use disorder. The treatments with evidence are the medications buprenorphine, methadone and naltrexone (SAMHSA TIP 63).",
        TaperSources.KratomNoProtocol,
        "If kratom stands in for opioids for you, ask a clinician or a treatment service about buprenorphine, methadone or naltrexone.");

    private static Advisory LostTolerance(bool opioid, LocalDate end)
    {
        var message = $"The plan reaches zero on {TimeText.Format(end)}. By then your tolerance will have fallen.";
        return opioid
            ? new Advisory(
                "T4",
                AdvisoryLevel.Danger,
                "After the plan: lost tolerance, overdose risk",
                message + " Going back to a former opioid dose after it can cause a fatal overdose.",
                "Tolerance falls during a taper. A dose your body once handled can stop your breathing now.",
                TaperSources.LostTolerance,
                "Keep naloxone at hand (sold over the counter in the US since 29 Mar 2023) and make sure someone nearby knows how to use it. If you use again, don't go back to your former amount, and don't use alone.")
            : new Advisory(
                "T4",
                AdvisoryLevel.Caution,
                "After the plan: lost tolerance",
                message + " A former amount of kratom can hit much harder than it used to.",
                "Tolerance falls during a taper, so a former amount can hit harder than it used to; returning to opioids after it can cause a fatal overdose.",
                TaperSources.LostTolerance,
                "If you use again, don't go back to your former amount. If you also use opioids, keep naloxone at hand.");
    }

    private static string Describe(Cut c, PlanUnit unit, string what) => string.Create(
        CultureInfo.InvariantCulture,
        $"The step from {Amount(c.From)} to {Amount(c.To)} {unit.Name()} a day after {c.Days} days cuts {Percent((double)((c.From - c.To) / c.From))} of the current {what}: {Percent(c.Rate)} {c.Scale}.");

    private static string Count(int fast, int all) => string.Create(
        CultureInfo.InvariantCulture,
        $"{fast} of the plan's {all} {(all == 1 ? "cut is" : "cuts are")} faster than that.");

    /// <summary>Two decimals for reading: the pace's own amounts can have many (72.9, 65.61…).</summary>
    private static string Amount(decimal value) => AmountText.Format(Math.Round(value, 2, MidpointRounding.AwayFromZero));

    private static string Percent(double share) =>
        AmountText.Format(Math.Round((decimal)share * 100m, 1, MidpointRounding.AwayFromZero)) + "%";
}
