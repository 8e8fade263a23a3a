using Wane.Domain.Guardrails;

namespace Wane.Domain.Tapering;

/// <summary>The sources behind the taper planner's advisories (reference/opioids.md and reference/tapering.md, restated).</summary>
public static class TaperSources
{
    /// <summary>CDC 2022, Recommendation 5: the opioid taper paces the planner checks against.</summary>
    public static Source OpioidPace => Source.Cdc2022;

    /// <summary>Evidence that fast opioid tapers harm.</summary>
    public static readonly Source FastTaperHarms = new(
        "Agnoli A, Xing G, Tancredi DJ, et al. Association of Dose Tapering With Overdose or Mental Health Crisis Among Patients Prescribed Long-term Opioids. JAMA 2021;326(5):411–419",
        "https://doi.org/10.1001/jama.2021.11013");

    /// <summary>Community-reported kratom taper paces.</summary>
    public static readonly Source KratomPace = new(
        "r/kratom wiki, \"taper\" page: cut about 5% (or 0.25 g) every 5–7 days, about 10% for lighter users (community practice, not validated in studies)");

    /// <summary>No validated kratom taper; the evidence-based treatments for opioid use disorder.</summary>
    public static readonly Source KratomNoProtocol = new(
        "No validated taper protocol exists for kratom (Wane reference: tapering.md). Medications for opioid use disorder: buprenorphine, methadone, naltrexone — SAMHSA Treatment Improvement Protocol (TIP) 63");

    /// <summary>Lost tolerance after a plan ends (the same source as guardrail S3).</summary>
    public static Source LostTolerance => RuleSources.LostTolerance;
}
