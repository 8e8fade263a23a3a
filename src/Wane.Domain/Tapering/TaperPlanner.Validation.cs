using System.Globalization;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using Wane.Domain.Units;

namespace Wane.Domain.Tapering;

/// <summary>Validation of one phase: every problem reported at once, per field.</summary>
public static partial class TaperPlanner
{
    /// <summary>The substance name for kratom.</summary>
    public const string Kratom = "kratom";

    /// <summary>Most kratom a daily start amount can be before it is treated as a typo, in grams.</summary>
    public const decimal MaxKratomGrams = 200m;

    /// <summary>Most opioid a daily start amount can be before it is treated as a typo, in MME or mg.</summary>
    public const decimal MaxOpioidAmount = 5000m;

    /// <summary>The finest measuring resolution accepted (and its decimal places).</summary>
    public const decimal FinestResolution = 0.001m;

    private const int MaxDecimals = 4;
    private const int ResolutionDecimals = 3;
    private const int MaxIntervalDays = 365;
    private const int MaxDosesPerDay = 12;

    // Leaves room for a 3-year plan and its holds inside NodaTime's calendar.
    private const int LatestStartYear = 9000;

    private static ValidPhase? Validate(PhaseRequest phase, int index, string prefix, List<FieldError> errors)
    {
        var before = errors.Count;
        void Error(string field, string message) => errors.Add(new(prefix + field, message));

        string? substance = null;
        var isOpioid = false;
        if (string.Equals(phase.Substance?.Trim(), Kratom, StringComparison.OrdinalIgnoreCase))
        {
            substance = Kratom;
        }
        else if (WireName.TryParse<OpioidName>(phase.Substance, out var opioid))
        {
            substance = WireName.Of(opioid.Value);
            isOpioid = true;
        }
        else
        {
            Error("substance", ProductRules.OneOf(phase.Substance, [Kratom, .. WireName.All<OpioidName>()])
                + " Buprenorphine has no CDC conversion factor and is not planned here: taper it with your prescriber.");
        }

        var unitKnown = Enum.IsDefined(phase.Unit);
        if (!unitKnown)
        {
            Error("unit", "Use one of: " + string.Join(", ", WireName.All<PlanUnit>()) + ".");
        }
        else if (substance == Kratom && phase.Unit != PlanUnit.Grams)
        {
            Error("unit", "Kratom is planned in grams. Wane never converts kratom to or from opioid amounts.");
        }
        else if (isOpioid && phase.Unit == PlanUnit.Grams)
        {
            Error("unit", "Plan an opioid in MME or in mg of the opioid itself.");
        }
        else if (substance == WireName.Of(OpioidName.Fentanyl) && phase.Unit == PlanUnit.Milligrams)
        {
            // CDC's fentanyl factor is per mcg/h of a patch; an amount in mg would be read as something it is not.
            Error("unit", "Fentanyl patches are measured in mcg/h, not mg, and CDC 2022 gives a factor only for patches. Plan fentanyl in MME.");
        }

        var start = phase.StartAmount;
        var max = phase.Unit == PlanUnit.Grams ? MaxKratomGrams : MaxOpioidAmount;
        var startOk = false;
        if (start <= 0)
        {
            Error("startAmount", "The start amount must be more than 0: your own usual daily amount now.");
        }
        else if (!FitsDecimals(start, MaxDecimals))
        {
            Error("startAmount", $"Use at most {MaxDecimals} decimal places.");
        }
        else if (unitKnown && start > max)
        {
            Error("startAmount", $"{AmountText.Format(start)} {phase.Unit.Name()} a day is more than a start amount could be (the limit is {AmountText.Format(max)} {phase.Unit.Name()}). Check for a typo.");
        }
        else
        {
            startOk = true;
        }

        if (phase.IntervalDays is < 1 or > MaxIntervalDays)
        {
            Error("intervalDays", $"Days per step must be between 1 and {MaxIntervalDays}.");
        }
        if (phase.DosesPerDay is < 1 or > MaxDosesPerDay)
        {
            Error("dosesPerDay", $"Doses per day must be between 1 and {MaxDosesPerDay}.");
        }
        if (!Enum.IsDefined(phase.Duration))
        {
            Error("duration", "Use one of: " + string.Join(", ", WireName.All<UseDuration>()) + ".");
        }
        if (phase.StartDate.Year > LatestStartYear)
        {
            Error("startDate", $"Choose a start date before the year {LatestStartYear}.");
        }

        var resolution = phase.Splittable ? phase.Resolution / 2m : phase.Resolution;
        if (phase.Resolution <= 0)
        {
            Error("resolution", "The smallest amount you can measure must be more than 0 (0.1 g on a scale, a 0.5 g capsule, a 5 mg tablet).");
        }
        else if (phase.Resolution < FinestResolution || !FitsDecimals(phase.Resolution, ResolutionDecimals))
        {
            Error("resolution", $"Use at most {ResolutionDecimals} decimal places ({AmountText.Format(FinestResolution)} is the finest).");
        }
        else if (startOk && resolution > start)
        {
            Error("resolution", $"The smallest amount you can measure ({AmountText.Format(resolution)}) is more than the start amount ({AmountText.Format(start)}).");
        }

        ValidatePace(phase.Pace, startOk ? start : null, Error);

        return errors.Count == before ? new ValidPhase(index, substance!, isOpioid, phase, resolution) : null;
    }

    private static void ValidatePace(Pace? pace, decimal? start, Action<string, string> error)
    {
        if (pace is null)
        {
            error("pace", "Choose a pace: " + string.Join(", ", WireName.All<PaceKind>()) + ".");
            return;
        }
        switch (pace.Kind)
        {
            case PaceKind.Linear:
                if (pace.Amount is not { } cut)
                {
                    error("pace.amount", "Enter the amount to cut at each step.");
                }
                else if (cut <= 0)
                {
                    error("pace.amount", "The cut per step must be more than 0.");
                }
                else if (!FitsDecimals(cut, MaxDecimals))
                {
                    error("pace.amount", $"Use at most {MaxDecimals} decimal places.");
                }
                else if (start is { } s && cut >= s)
                {
                    error("pace.amount", $"A cut of {AmountText.Format(cut)} per step would stop everything in one step from {AmountText.Format(s)}. CDC 2022 advises against stopping abruptly; choose a smaller cut.");
                }
                break;
            case PaceKind.Percent:
                if (pace.Percent is not { } p)
                {
                    error("pace.percent", "Enter the percent of the current amount to cut at each step.");
                }
                else if (p is <= 0 or >= 100)
                {
                    error("pace.percent", "The percent per step must be more than 0 and less than 100.");
                }
                break;
            case PaceKind.CdcShort:
                break;
            case PaceKind.Steps:
                ValidateAmounts(pace.Amounts, start, error);
                break;
            default:
                error("pace.kind", "Use one of: " + string.Join(", ", WireName.All<PaceKind>()) + ".");
                break;
        }
    }

    private static void ValidateAmounts(IReadOnlyList<decimal>? amounts, decimal? start, Action<string, string> error)
    {
        const string Field = "pace.amounts";
        if (amounts is null || amounts.Count == 0)
        {
            error(Field, "List the daily amount of each step after the start amount, for example 9, 8, 7.");
            return;
        }
        int? negative = null, tooFine = null, rising = null;
        for (var i = 0; i < amounts.Count; i++)
        {
            negative ??= amounts[i] < 0 ? i : null;
            tooFine ??= FitsDecimals(amounts[i], MaxDecimals) ? null : i;
            rising ??= i > 0 && amounts[i] > amounts[i - 1] ? i : null;
        }
        string At(int i) => $"Amount {(i + 1).ToString(CultureInfo.InvariantCulture)} ({AmountText.Format(amounts[i])})";
        if (negative is { } n)
        {
            error(Field, $"{At(n)} is below 0.");
        }
        if (tooFine is { } f)
        {
            error(Field, $"{At(f)} has more than {MaxDecimals} decimal places.");
        }
        if (start is { } s && amounts[0] > s)
        {
            error(Field, $"{At(0)} is more than the start amount ({AmountText.Format(s)}). A taper never goes up: use a hold to slow down.");
        }
        if (rising is { } up)
        {
            error(Field, $"{At(up)} is more than the one before it ({AmountText.Format(amounts[up - 1])}). A taper never goes up: use a hold to slow down.");
        }
    }

    private static bool FitsDecimals(decimal value, int decimals) => value.Scale <= decimals || value == Math.Round(value, decimals);
}
