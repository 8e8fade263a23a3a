namespace Wane.Domain.CheckIns;

/// <summary>
/// "What you can do now" for each severity of a SOWS or COWS band: rest, fluids, the plan
/// waits, when to call a clinician, and the resources for severe scores. Restated from Wane's
/// reference files (instruments.md, kratom.md, opioids.md, resources.md). It never suggests a
/// dose or an amount.
/// </summary>
public static class BandGuidance
{
    /// <summary>Withdrawal symptoms reported by regular kratom users and rated by SOWS/COWS items.</summary>
    public static readonly Source Symptoms = new(
        "Withdrawal symptoms reported: aches, trouble sleeping, watery eyes and nose, hot flashes, diarrhoea, restlessness (Singh et al., Drug Alcohol Depend 2014;139:132–7); sweating, vomiting and diarrhoea are rated by COWS items 2 and 7 (Wesson & Ling 2003)");

    /// <summary>CDC 2022, Recommendation 5: slowing or pausing a taper is acceptable.</summary>
    public static readonly Source PauseIsFine = new(
        "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022, Recommendation 5: slowing or pausing a taper is acceptable",
        Source.Cdc2022.Url);

    /// <summary>The evidence-based treatments and where to find them.</summary>
    public static readonly Source Treatment = new(
        "Buprenorphine, methadone and naltrexone are the FDA-approved treatments for opioid use disorder; detoxification on its own is not recommended (SAMHSA TIP 63; CDC 2022, Recommendation 12). SAMHSA National Helpline: free, confidential, 24/7",
        Source.Cdc2022.Url);

    /// <summary>Lost tolerance after using less.</summary>
    public static readonly Source LostTolerance = new(
        "CDC 2022: after a taper or a break tolerance falls, and returning to a former dose can cause a fatal overdose; naloxone is sold over the counter in the US since 29 Mar 2023",
        Source.Cdc2022.Url);

    /// <summary>The red flags that need emergency services or 988.</summary>
    public static readonly Source Emergencies = new(
        "Red flags in a check-in: seizure, fainting, chest pain, trouble breathing, severe confusion or sedation → emergency services (911 in the US); thoughts of suicide → 988. Withdrawal risks include distress and thoughts of suicide (HHS Guide for Clinicians on Opioid Dosage Reduction, Oct 2019)");

    private static readonly CareStep Rest = new(
        "Rest somewhere quiet, warm or cool as you need, and tell someone you trust how you are.", Symptoms);

    private static readonly CareStep Fluids = new(
        "Keep sipping water or an oral rehydration drink: sweating, a runny nose, vomiting and diarrhoea all lose fluid.", Symptoms);

    private static readonly CareStep PlanWaits = new(
        "With a taper plan, the next step-down can wait until you feel steadier: slowing or pausing a taper is fine.", PauseIsFine);

    private static readonly CareStep Clinician = new(
        "Talk to a clinician if it keeps getting worse or you cannot keep fluids down.", Treatment);

    /// <summary>The steps for a band of this instrument, most useful first; never empty.</summary>
    public static IReadOnlyList<CareStep> For(Instrument instrument, Band band)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(band);
        return band.Severity switch
        {
            Severity.None =>
            [
                new("Nothing on this score needs action now. Check in again after your next step-down, or whenever you feel worse.", instrument.BandSource),
            ],
            Severity.Mild =>
            [
                Rest,
                Fluids,
                new("Check in again later today or tomorrow. If it grows, the plan's next step-down can wait: slowing or pausing a taper is fine.", PauseIsFine),
            ],
            Severity.Moderate => [PlanWaits, Rest, Fluids, Clinician],
            _ =>
            [
                new("Call a clinician today, or the SAMHSA National Helpline on 1-800-662-4357 (free, 24/7) for treatment near you. Buprenorphine, methadone and naltrexone are the approved treatments for opioid use disorder; withdrawal on its own, without them, is not recommended.", Treatment),
                PlanWaits,
                new("If you use again after days of less, your tolerance may be lower: a former amount can cause an overdose, above all of an opioid. Keep naloxone near you and tell someone where it is.", LostTolerance),
                new("Call 911 for a seizure, fainting, chest pain, trouble breathing, or severe confusion or heavy sedation. For thoughts of suicide or self-harm, call or text 988.", Emergencies),
                Rest,
                Fluids,
            ],
        };
    }
}
